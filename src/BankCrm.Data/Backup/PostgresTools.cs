using System.Diagnostics;
using System.Text;
using Npgsql;

namespace BankCrm.Data.Backup;

/// <summary>pg_dump and pg_restore from the postgresql-client package, found in PATH or /usr/lib/postgresql/*/bin.</summary>
internal static class PostgresTools
{
    public static string Find(string tool)
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool));
        const string packaged = "/usr/lib/postgresql";
        if (Directory.Exists(packaged))
        {
            // Newest major version first: pg_restore reads archives of older pg_dump versions, not newer ones.
            candidates = candidates.Concat(Directory.GetDirectories(packaged)
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
                .Select(d => Path.Combine(d, "bin", tool)));
        }

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new BackupException($"找不到 {tool}：请安装 postgresql-client（Debian: apt-get install postgresql-client），或把它所在目录加入 PATH。");
    }

    /// <summary>Runs a tool with the server, user and password of the connection string; stderr goes into the error message.</summary>
    public static async Task RunAsync(string tool, IEnumerable<string> arguments, NpgsqlConnectionStringBuilder connection, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Find(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The password goes through the environment, never the command line other users can read in ps.
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGDATABASE"] = connection.Database;
        if (connection.Password is { Length: > 0 } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start) ?? throw new BackupException($"{tool} 无法启动。");
        var errors = new StringBuilder();
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        errors.Append(await stderr);
        await stdout;
        if (process.ExitCode != 0)
        {
            throw new BackupException($"{tool} 失败 (退出码 {process.ExitCode}): {errors.ToString().Trim()}");
        }
    }
}
