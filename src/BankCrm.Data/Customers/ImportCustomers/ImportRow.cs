using BankCrm.Core.Customers;

namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>A data row read and parsed, before it is checked against the database.</summary>
internal sealed class ImportRow(int number, string?[] texts)
{
    public int Number { get; } = number;

    /// <summary>The cell texts by <see cref="ImportField"/>; null where the file has no such column.</summary>
    public string?[] Texts { get; } = texts;

    public string? CustomerNumber { get; init; }

    /// <summary>Null when the type cell cannot be read; the other rules depend on it, so they are not checked.</summary>
    public CustomerType? Type { get; init; }

    public required CustomerProfile Profile { get; init; }

    public string? BranchCode { get; init; }

    public string? ManagerUserName { get; init; }

    /// <summary>The ID number as the database stores a valid one: compacted and upper-cased.</summary>
    public required string IdKey { get; init; }

    public string? MobileKey { get; init; }

    /// <summary>Cells that could not be read (type, gender, date, yes/no, quoting); found without the database.</summary>
    public List<ImportRowError> ParseErrors { get; } = [];

    public string Text(ImportField field) => Texts[(int)field] ?? string.Empty;

    public ImportRowError Error(ImportField field, string message) =>
        new(Number, ImportColumns.ChineseName(field, Type), ReportValue(field, Text(field)), message);

    private static string ReportValue(ImportField field, string value)
    {
        const int maxLength = 100;
        var masked = field switch
        {
            ImportField.IdNumber => Masking.IdNumber(value),
            ImportField.Mobile => Masking.Mobile(value),
            ImportField.Email => Masking.Email(value),
            _ => value,
        };
        return masked.Length > maxLength ? masked[..maxLength] + "…" : masked;
    }
}
