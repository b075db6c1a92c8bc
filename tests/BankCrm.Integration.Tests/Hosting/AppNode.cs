using System.Diagnostics;
using System.Text;

namespace BankCrm.Integration.Tests.Hosting;

/// <summary>
/// A separate BankCrm process (the built <c>BankCrm.Web.dll</c>, as an operator would run it) over the database of a
/// test app, with the scheduler on: a node of a cluster that a test can kill with SIGKILL.
/// </summary>
public sealed class AppNode : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private AppNode(Process process, string name)
    {
        this.process = process;
        Name = name;
    }

    public string Name { get; }

    public bool HasExited => process.HasExited;

    /// <summary>The process id: outbox deliveries name their node as host:pid.</summary>
    public int ProcessId => process.Id;

    /// <summary>What the node wrote to stdout and stderr, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static AppNode Start(BankCrmApp app, string name, IReadOnlyDictionary<string, string> settings)
    {
        var web = WebAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(web)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(web);
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Database:Provider"] = app.Provider.ToString(),
            ["ConnectionStrings:Crm"] = app.DatabaseConnectionString,
            ["Encryption:KeyFile"] = app.KeyFile,
            ["Demo:Enabled"] = "false",
            ["Scheduler:Enabled"] = "true",
            ["Scheduler:InstanceId"] = name,
            ["Scoring:Nightly"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = new Process { StartInfo = start };
        var node = new AppNode(process, name);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>SIGKILL: no shutdown, no finally blocks, no lease released — a node that dies.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>src/BankCrm.Web/bin/{Configuration}/net10.0/BankCrm.Web.dll of this checkout, built with the tests.</summary>
    private static string WebAssembly()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testBin.Parent!.Name;
        var framework = testBin.Name;
        for (var dir = testBin; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BankCrm.slnx")))
            {
                var web = Path.Combine(dir.FullName, "src", "BankCrm.Web", "bin", configuration, framework, "BankCrm.Web.dll");
                return File.Exists(web) ? web : throw new InvalidOperationException($"{web} is missing: build the solution first (./test.sh does).");
            }
        }

        throw new InvalidOperationException("BankCrm.slnx not found above " + AppContext.BaseDirectory);
    }
}
