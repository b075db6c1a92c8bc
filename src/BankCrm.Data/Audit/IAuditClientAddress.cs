namespace BankCrm.Data.Audit;

/// <summary>Where the current request came from; the web host supplies it, the CLI has none.</summary>
public interface IAuditClientAddress
{
    string? RemoteIp { get; }
}
