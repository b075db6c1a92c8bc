namespace BankCrm.Core.Audit;

/// <summary>The actions the audit log records; the values are stored, so never rename one.</summary>
public static class AuditActions
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string LoginLockedOut = "login.locked_out";

    /// <summary>C2 data seen: ID number, phone, balances or transactions (JR/T 0171-2020).</summary>
    public const string CustomerViewedSensitive = "customer.viewed_sensitive";

    /// <summary>A customer that exists was asked for by someone outside its scope.</summary>
    public const string CustomerAccessDenied = "customer.access_denied";
    public const string CustomerCreated = "customer.created";
    public const string CustomerUpdated = "customer.updated";
    public const string CustomersImported = "customers.imported";
    public const string Export = "export";
    public const string PermissionChanged = "permission.changed";
    public const string AuditVerified = "audit.verified";

    /// <summary>A consent granted or withdrawn (PIPL Art. 14–15: the bank must be able to prove both).</summary>
    public const string ConsentRecorded = "consent.recorded";

    /// <summary>A new field-encryption key made active and the encrypted columns re-encrypted under it.</summary>
    public const string KeysRotated = "keys.rotated";

    public static readonly IReadOnlyList<string> All =
    [
        LoginSucceeded, LoginFailed, LoginLockedOut, CustomerViewedSensitive, CustomerAccessDenied, CustomerCreated, CustomerUpdated,
        CustomersImported, Export, PermissionChanged, AuditVerified, ConsentRecorded, KeysRotated,
    ];
}
