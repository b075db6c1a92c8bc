using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BankCrm.Data.Database;

/// <summary>Every stored timestamp is UTC; SQLite forgets the kind, so it is put back on read.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
