using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BankCrm.Data.Database;

/// <summary>
/// One ASP.NET Core Data Protection key (the keys that sign the session cookie, antiforgery and bearer tokens), kept
/// in the database so every app node shares them and a restart keeps everyone signed in. <see cref="Xml"/> holds the
/// key element as Data Protection gives it to the repository: already encrypted under the field-encryption key ring.
/// </summary>
public sealed class DataProtectionKey
{
    public long Id { get; set; }

    public string FriendlyName { get; set; } = string.Empty;

    public string Xml { get; set; } = string.Empty;
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.ToTable("data_protection_keys");
        builder.Property(k => k.FriendlyName).HasMaxLength(100);
        builder.Property(k => k.Xml).HasMaxLength(8000);
    }
}
