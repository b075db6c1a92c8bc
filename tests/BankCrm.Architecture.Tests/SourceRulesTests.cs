namespace BankCrm.Architecture.Tests;

/// <summary>Rules checked on the source text, for things an analyzer can miss (generated or suppressed code).</summary>
public sealed class SourceRulesTests
{
    private static readonly string[] Banned = ["DateTime.Now", "DateTime.UtcNow", "DateTimeOffset.Now", "DateTimeOffset.UtcNow"];

    [Fact]
    public void No_source_file_reads_the_wall_clock_directly()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var files = Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".cs" or ".razor" or ".cshtml")
            .Where(f => !IsBuildOutput(Path.GetRelativePath(src, f)))
            .ToList();

        var offenders = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => Banned.Any(b => l.Text.Contains(b, StringComparison.Ordinal)))
            .Select(l => $"{Path.GetRelativePath(src, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.NotEmpty(files);
        Assert.True(offenders.Count == 0, "Use TimeProvider instead of:\n" + string.Join('\n', offenders));
    }

    private static bool IsBuildOutput(string relativePath)
    {
        var parts = relativePath.Split(Path.DirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj");
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BankCrm.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BankCrm.slnx not found above " + AppContext.BaseDirectory);
    }
}
