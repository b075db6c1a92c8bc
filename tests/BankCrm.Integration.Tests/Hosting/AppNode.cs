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

    public static AppNode Start(BankCrmApp app, string name, IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string>? environment = null)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Database:Provider"] = app.Provider.ToString(),
            ["ConnectionStrings:Crm"] = app.DatabaseConnectionString,
            ["Encryption:KeyFile"] = app.KeyFile,
            ["Scheduler:Enabled"] = "true",
            ["Scheduler:InstanceId"] = name,
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return Start(WebAssembly(), workingDirectory: null, name, all, environment);
    }

    /// <summary>
    /// Any build of the app (<paramref name="web"/>, e.g. a published folder's BankCrm.Web.dll) started from
    /// <paramref name="workingDirectory"/> (the dll's folder when null), in Production, on a free port of 127.0.0.1.
    /// </summary>
    public static AppNode Start(string web, string? workingDirectory, string name, IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(web)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(web);
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Demo:Enabled"] = "false",
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
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var node = new AppNode(process, name);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>
    /// The address the node listens on, from the "Open: …" line of its startup banner (written once the server has
    /// started); fails with the node's output if it exits or does not start within <paramref name="timeout"/>.
    /// </summary>
    public async Task<Uri> AddressAsync(TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            var line = Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("Open: ", StringComparison.Ordinal));
            if (line is not null)
            {
                return new Uri(line["Open: ".Length..]);
            }

            if (process.HasExited)
            {
                throw new Xunit.Sdk.XunitException($"{Name} exited with code {process.ExitCode} before it served:\n{Output}");
            }

            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException($"{Name} did not start within {timeout}:\n{Output}");
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
