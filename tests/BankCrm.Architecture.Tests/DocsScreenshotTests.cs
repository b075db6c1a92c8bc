using System.Text.RegularExpressions;

namespace BankCrm.Architecture.Tests;

/// <summary>
/// The pictures in the README and docs are taken by the browser tests (LiveApp.ScreenshotAsync overwrites
/// docs/screenshots/NAME.png on every run), so a picture that no test takes would go stale unnoticed.
/// </summary>
public sealed partial class DocsScreenshotTests
{
    [Fact]
    public void Every_picture_in_the_docs_is_taken_by_a_browser_test()
    {
        var root = SourceRulesTests.RepositoryRoot();
        var taken = Directory.EnumerateFiles(Path.Combine(root, "tests", "BankCrm.E2E.Tests"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => ScreenshotCall().Matches(File.ReadAllText(file)).Select(m => m.Groups["name"].Value))
            .ToHashSet(StringComparer.Ordinal);
        var pictures = Directory.EnumerateFiles(Path.Combine(root, "docs", "screenshots"), "*.png")
            .Select(file => Path.GetFileNameWithoutExtension(file)!).ToList();

        Assert.NotEmpty(pictures);
        var untaken = pictures.Where(name => !taken.Contains(name)).ToList();
        Assert.True(untaken.Count == 0, "No browser test takes: " + string.Join(", ", untaken));
    }

    [Fact]
    public void Every_picture_the_docs_show_exists_and_every_stored_picture_is_shown()
    {
        var root = SourceRulesTests.RepositoryRoot();
        var pages = Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories).Append(Path.Combine(root, "README.md"));
        var shown = pages.SelectMany(page => ImageLink().Matches(File.ReadAllText(page))
                .Select(m => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, m.Groups["path"].Value))))
            .ToHashSet(StringComparer.Ordinal);
        var stored = Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.png", SearchOption.AllDirectories).Select(Path.GetFullPath).ToList();

        Assert.NotEmpty(shown);
        var missing = shown.Where(path => !File.Exists(path)).ToList();
        var unshown = stored.Where(path => !shown.Contains(path)).ToList();
        Assert.True(missing.Count == 0, "Shown but missing: " + string.Join(", ", missing));
        Assert.True(unshown.Count == 0, "Stored but shown nowhere: " + string.Join(", ", unshown));
    }

    [GeneratedRegex("""ScreenshotAsync\([^,]+,\s*"(?<name>[a-z0-9-]+)"\)""")]
    private static partial Regex ScreenshotCall();

    [GeneratedRegex(@"!\[[^\]]*\]\((?<path>[^)\s]+\.png)\)")]
    private static partial Regex ImageLink();
}
