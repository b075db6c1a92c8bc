using BankCrm.Core.Organization;

namespace BankCrm.Architecture.Tests;

/// <summary>The permission matrix in docs/security.md is what the code enforces, row by row and role by role.</summary>
public sealed class PermissionMatrixDocTests
{
    [Fact]
    public void The_documented_matrix_matches_the_code()
    {
        var lines = File.ReadAllLines(Path.Combine(SourceRulesTests.RepositoryRoot(), "docs", "security.md"));
        var header = lines.Single(l => l.StartsWith("| Permission (policy)", StringComparison.Ordinal));
        var roles = header.Split('|').Skip(4).Select(cell => cell.Trim()).Where(cell => cell.Length > 0)
            .Select(cell => cell[(cell.IndexOf('`', StringComparison.Ordinal) + 1)..].TrimEnd('`')).ToArray();
        var rows = lines.SkipWhile(l => l != header).Skip(2).TakeWhile(l => l.StartsWith('|')).ToArray();

        Assert.Equal(StaffRole.All.Order(StringComparer.Ordinal), roles.Order(StringComparer.Ordinal));
        var documented = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var cells = row.Split('|').Skip(1).SkipLast(1).Select(c => c.Trim()).ToArray();
            var permission = cells[0].Trim('`');
            documented[permission] = roles.Where((_, i) => cells[3 + i] == "✓").ToArray();
        }

        Assert.Equal(PermissionMatrix.AllPermissions.Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
        foreach (var (permission, holders) in documented)
        {
            Assert.True(
                PermissionMatrix.RolesFor(permission).Order(StringComparer.Ordinal).SequenceEqual(holders.Order(StringComparer.Ordinal)),
                $"{permission}: docs say {string.Join(",", holders)}, code says {string.Join(",", PermissionMatrix.RolesFor(permission))}");
        }
    }
}
