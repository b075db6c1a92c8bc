namespace BankCrm.Data.Audit;

/// <summary>Where the current request came from; the web host supplies it, the CLI has none.</summary>
public interface IAuditClientAddress
{
    string? RemoteIp { get; }

    /// <summary>
    /// Told of every entry the current request records, so the read audit at the end of the request names only the
    /// customers its handler did not already record.
    /// </summary>
    void Recorded(AuditRecord record);
}
