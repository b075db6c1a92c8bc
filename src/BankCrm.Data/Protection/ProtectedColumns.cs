using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BankCrm.Data.Protection;

/// <summary>
/// The C2 columns stored encrypted (JR/T 0171: ID number, phone, account and card numbers) and their blind indexes,
/// and the staff's second-factor secrets (Identity's token values).
/// Reads decrypt through a value converter, so every query and projection sees plaintext; writes through EF Core
/// encrypt the same way and <see cref="BlindIndexInterceptor"/> fills the index columns. Equality on an encrypted
/// column never matches (the nonce is random): exact lookups compare the index column instead.
/// </summary>
public static class ProtectedColumns
{
    public const string IdNumberIndex = "IdNumberIndex";
    public const string MobileIndex = "MobileIndex";
    public const string AccountNumberIndex = "AccountNumberIndex";

    /// <summary>The encrypted columns, table by table, for the sweep, rotation and status; index column where there is one.</summary>
    public static readonly IReadOnlyList<ProtectedColumn> All =
    [
        new("customers", "id_number", "id_number_index", BlindIndexField.IdNumber),
        new("customers", "mobile", "mobile_index", BlindIndexField.Mobile),
        new("identity_documents", "number", null, null),
        new("contact_points", "value", null, null),
        new("accounts", "account_number", "account_number_index", BlindIndexField.AccountNumber),
        new("customer_changes", "old_value", null, null),
        new("customer_changes", "new_value", null, null),
        new("\"AspNetUserTokens\"", "value", null, null) { Key = ["user_id", "login_provider", "name"], Upgrade = HashClearRecoveryCodes },
    ];

    internal static void Apply(ModelBuilder builder, FieldProtector? protector)
    {
        var converter = Converter(protector);

        var customer = builder.Entity<Customer>();
        customer.Property(c => c.IdNumber).HasConversion(converter).HasMaxLength(200);
        customer.Property(c => c.Mobile).HasConversion(converter).HasMaxLength(200);
        customer.Property<string>(IdNumberIndex).HasMaxLength(BlindIndex.Length);
        customer.Property<string>(MobileIndex).HasMaxLength(BlindIndex.Length);
        customer.HasIndex(IdNumberIndex);
        customer.HasIndex(MobileIndex);

        builder.Entity<IdentityDocument>().Property(d => d.Number).HasConversion(converter).HasMaxLength(500);

        // Contacts hold further phones next to e-mails and addresses; the whole column is encrypted.
        builder.Entity<ContactPoint>().Property(c => c.Value).HasConversion(converter).HasMaxLength(1000);

        var account = builder.Entity<Account>();
        account.Property(a => a.AccountNumber).HasConversion(converter).HasMaxLength(200);
        account.Property<string>(AccountNumberIndex).HasMaxLength(BlindIndex.Length);
        account.HasIndex(AccountNumberIndex).IsUnique();

        // The change history keeps before/after values of every field, ID number and mobile included.
        var change = builder.Entity<FieldChange>();
        change.Property(c => c.OldValue).HasConversion(converter).HasMaxLength(2000);
        change.Property(c => c.NewValue).HasConversion(converter).HasMaxLength(2000);

        // Identity's tokens: the TOTP authenticator key, the recovery codes (hashed by StaffUserStore) and the last
        // accepted TOTP step. Identity marks the value [ProtectedPersonalData]; the key ring here protects it.
        builder.Entity<IdentityUserToken<string>>().Property(t => t.Value).HasConversion(converter);
    }

    // Recovery codes stored in clear before they were hashed get hashed as the sweep encrypts them.
    private static string HashClearRecoveryCodes(KeyRing ring, IReadOnlyList<object> key, string plaintext) =>
        key[1] is RecoveryCodeHashes.LoginProvider && key[2] is RecoveryCodeHashes.TokenName
            ? RecoveryCodeHashes.Upgrade(ring, (string)key[0], plaintext)
            : plaintext;

    // Typed string? so it fits nullable and required properties alike; EF Core never passes null to a converter.
    private static ValueConverter Converter(FieldProtector? protector) =>
        protector is null
            ? new ValueConverter<string?, string?>(v => NoKeys(v), v => NoKeys(v))
            : new ValueConverter<string?, string?>(v => protector.Encrypt(v!), v => protector.Decrypt(v!));

    // Only the design-time model (dotnet ef) is built without keys; it never reads or writes rows.
    private static string NoKeys(string? value) =>
        throw new InvalidOperationException("This database context has no encryption keys; create it through CrmDbContextFactory.");
}

/// <summary>One encrypted column; <see cref="IndexColumn"/> holds its blind index when exact lookups need one.</summary>
public sealed record ProtectedColumn(string Table, string Column, string? IndexColumn, BlindIndexField? IndexField)
{
    /// <summary>The primary key columns the sweep walks the table by, in order.</summary>
    public IReadOnlyList<string> Key { get; init; } = ["id"];

    /// <summary>Applied by the sweep to a decrypted value (with the row's key) before it is encrypted again.</summary>
    public Func<KeyRing, IReadOnlyList<object>, string, string>? Upgrade { get; init; }
}
