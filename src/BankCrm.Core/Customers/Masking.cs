namespace BankCrm.Core.Customers;

/// <summary>
/// One masking policy for every screen, API response and export (JR/T 0171-2020 style):
/// name keeps the surname, ID numbers keep the first 6 and last 4, mobiles 3 + 4, accounts 6 + 4.
/// </summary>
public static class Masking
{
    private static readonly HashSet<string> CompoundSurnames =
    [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "西门", "南宫",
    ];

    public static string Name(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return string.Empty;
        }

        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(name);
        var letters = new List<string>();
        while (elements.MoveNext())
        {
            letters.Add(elements.GetTextElement());
        }

        if (letters.Count <= 1)
        {
            return name;
        }

        var keep = letters.Count > 2 && CompoundSurnames.Contains(letters[0] + letters[1]) ? 2 : 1;
        if (name.Contains(' ', StringComparison.Ordinal) && !IsHan(letters[0]))
        {
            // Latin-script names: keep the first word.
            var first = name.Split(' ', 2)[0];
            return first + " " + new string('*', Math.Max(1, name.Length - first.Length - 1));
        }

        return string.Concat(letters.Take(keep)) + new string('*', letters.Count - keep);
    }

    public static string IdNumber(string? value) => KeepEnds(value, 6, 4);

    public static string Mobile(string? value) => KeepEnds(value, 3, 4);

    public static string AccountNumber(string? value) => KeepEnds(value, 6, 4);

    public static string Email(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            // Not an address (legacy or imported rows): there is no domain to show, so show nothing.
            return "***";
        }

        return at <= 1 ? "***" + value[Math.Max(0, at)..] : value[0] + "***" + value[at..];
    }

    private static string KeepEnds(string? value, int head, int tail)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value.Length <= head + tail)
        {
            return new string('*', value.Length);
        }

        return value[..head] + new string('*', value.Length - head - tail) + value[^tail..];
    }

    private static bool IsHan(string element) =>
        element.Length > 0 && (char.IsSurrogate(element[0]) || (element[0] >= '\u3400' && element[0] <= '\u9FFF'));
}
