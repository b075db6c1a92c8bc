namespace BankCrm.Data.Backup;

/// <summary>A backup or restore that stopped for a stated reason; the CLI prints the message and exits non-zero.</summary>
public sealed class BackupException(string message, int exitCode = 1, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>1: the backup is damaged or the restore did not match; 2: refused to overwrite a non-empty database.</summary>
    public int ExitCode { get; } = exitCode;
}
