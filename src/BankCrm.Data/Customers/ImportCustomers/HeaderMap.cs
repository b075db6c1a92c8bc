using BankCrm.Core.Common;

namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>Which column of the file holds which field; built from the header row or refused with one message.</summary>
internal sealed class HeaderMap
{
    private const int MaxNamesInMessage = 10;

    // Authentication data (JR/T 0171 C3) must never enter the CRM, so such a column gets its own message.
    private static readonly string[] SecretWords = ["密码", "验证码", "口令"];
    private static readonly HashSet<string> SecretNames = ["password", "pwd", "pin", "cvv", "cvv2", "cvn", "cvn2", "otp"];

    private readonly Dictionary<ImportField, int> columns;

    private HeaderMap(Dictionary<ImportField, int> columns) => this.columns = columns;

    public IReadOnlyCollection<ImportField> Fields => columns.Keys;

    public bool Has(ImportField field) => columns.ContainsKey(field);

    public int? IndexOf(ImportField field) => columns.TryGetValue(field, out var index) ? index : null;

    /// <summary>Maps the header cells; empty header cells (trailing columns Excel keeps) are ignored.</summary>
    public static HeaderMap Parse(IReadOnlyList<string?> headers)
    {
        var columns = new Dictionary<ImportField, int>();
        var unknown = new List<string>();
        var problems = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = TextNormalizer.Clean(headers[i]);
            if (header.Length == 0)
            {
                continue;
            }

            if (ImportColumns.Recognise(header) is not { } field)
            {
                unknown.Add(header);
                continue;
            }

            if (columns.TryGetValue(field, out var first))
            {
                var earlier = TextNormalizer.Clean(headers[first]);
                problems.Add(earlier == header
                    ? $"表头“{header}”重复出现（第 {first + 1} 列和第 {i + 1} 列）"
                    : $"表头“{earlier}”（第 {first + 1} 列）和“{header}”（第 {i + 1} 列）是同一列，请只保留一个");
                continue;
            }

            columns[field] = i;
        }

        if (unknown.Count > 0)
        {
            problems.Add(UnknownMessage(unknown));
        }

        var missing = ImportColumns.Required.Where(f => !columns.ContainsKey(f)).Select(f => ImportColumns.ChineseName(f)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"缺少必填列：{string.Join("、", missing)}");
        }

        return problems.Count > 0 ? throw new ImportFileException("表头有误：" + string.Join("；", problems) + "。") : new HeaderMap(columns);
    }

    private static string UnknownMessage(List<string> unknown)
    {
        var secrets = unknown.Where(h => SecretWords.Any(w => h.Contains(w, StringComparison.Ordinal)) || SecretNames.Contains(ImportColumns.Normalize(h))).ToList();
        if (secrets.Count > 0)
        {
            return $"不得导入密码、验证码等鉴别信息，请删除列“{string.Join("”、“", secrets)}”";
        }

        var shown = string.Join("”、“", unknown.Take(MaxNamesInMessage));
        var more = unknown.Count > MaxNamesInMessage ? $"等 {unknown.Count} 列" : string.Empty;
        var known = string.Join("、", ImportColumns.All.Select(c => c.Chinese));
        return $"无法识别的表头“{shown}”{more}（可用的列：{known}）";
    }
}
