namespace BankCrm.Integration.Tests.Hosting;

/// <summary>
/// Files from the shared data folder, <c>../shared/data</c> beside the repository root (or the folder named by
/// BANKCRM_SHARED_DATA, absolute or relative to the repository root). A missing file fails the test: a fuzz
/// suite that silently runs on nothing would report a pass it never earned.
/// </summary>
public static class SharedData
{
    public const string Variable = "BANKCRM_SHARED_DATA";

    public static string PathOf(string relativePath)
    {
        var root = RepositoryRoot();
        var folder = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured ? configured : Path.Combine("..", "shared", "data");
        var path = Path.GetFullPath(Path.Combine(root, folder, relativePath));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"{relativePath} is missing from the shared data folder ({folder} relative to the repository root). " +
                $"Put the shared data at ../shared/data or set {Variable} to its folder.", path);
    }

    private static string RepositoryRoot()
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
}
