using System.Reflection;

namespace BankCrm.Web.Hosting;

/// <summary>
/// The content root of the app is the folder of its own files (appsettings.json, wwwroot, the static web assets
/// manifest), not the working directory of whoever started it: a published app started by systemd from / or by an
/// operator from their home folder served empty CSS and JS and ignored its appsettings.json, and so did
/// <c>dotnet run --project src/BankCrm.Web</c> from the repository root.
/// </summary>
/// <remarks>
/// An operator may still name another content root (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>,
/// <c>DOTNET_CONTENTROOT</c>). A host that loads the app into its own process (the integration tests'
/// WebApplicationFactory) sets the content root itself and is left alone.
/// </remarks>
internal static class AppFolder
{
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = RunsAsItsOwnProgram() && !ContentRootNamed(args) ? AppContext.BaseDirectory : null,
    };

    private static bool RunsAsItsOwnProgram() => Assembly.GetEntryAssembly() == typeof(AppFolder).Assembly;

    private static bool ContentRootNamed(string[] args) =>
        args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
        || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }
        || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 };
}
