using System.Diagnostics;
using System.Text.Json.Nodes;

namespace BankCrm.Integration.Tests.Hosting;

/// <summary>
/// <c>dotnet publish</c> of the web project into a temporary folder, once per test class, as an operator installs it
/// (README, "Production install"). Publishing reuses the build the tests run on (<c>--no-build</c>, the same
/// configuration), so it costs seconds, not a compile.
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
    /// <summary>The host names the published appsettings.json is edited to allow, as an operator would for production.</summary>
    public const string AllowedHosts = "127.0.0.1;localhost";

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "bankcrm-publish-" + Guid.NewGuid().ToString("N")[..12]);

    public string Dll => Path.Combine(Folder, "BankCrm.Web.dll");

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BankCrm.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No BankCrm.slnx above {AppContext.BaseDirectory}.");
    }

    public async Task InitializeAsync()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot(),
        };
        foreach (var argument in new[] { "publish", Path.Combine("src", "BankCrm.Web", "BankCrm.Web.csproj"), "-c", testBin.Parent!.Name, "--no-build", "-o", Folder, "-nologo", "-v", "quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || !File.Exists(Dll))
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await output}\n{await error}");
        }

        var settingsPath = Path.Combine(Folder, "appsettings.json");
        var settings = JsonNode.Parse(await File.ReadAllTextAsync(settingsPath))!.AsObject();
        settings["AllowedHosts"] = AllowedHosts;
        await File.WriteAllTextAsync(settingsPath, settings.ToJsonString());
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}
