using BankCrm.Core.Common;
using BankCrm.Core.Customers;

namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>The Chinese and English header names of each column, and the columns every file must have.</summary>
internal static class ImportColumns
{
    public static readonly IReadOnlyList<(ImportField Field, string Chinese, string[] Aliases)> All =
    [
        (ImportField.CustomerNumber, "客户号", ["CustomerNumber", "客户编号"]),
        (ImportField.Type, "客户类型", ["Type", "CustomerType"]),
        (ImportField.Name, "姓名", ["名称", "Name", "客户名称", "企业名称"]),
        (ImportField.IdNumber, "证件号码", ["IdNumber", "身份证号", "身份证号码", "统一社会信用代码"]),
        (ImportField.Gender, "性别", ["Gender"]),
        (ImportField.BirthDate, "出生日期", ["BirthDate"]),
        (ImportField.Mobile, "手机号", ["Mobile", "手机号码"]),
        (ImportField.Email, "邮箱", ["Email", "电子邮箱"]),
        (ImportField.Province, "省份", ["Province"]),
        (ImportField.City, "城市", ["City"]),
        (ImportField.District, "区县", ["District"]),
        (ImportField.AddressLine, "详细地址", ["Address", "AddressLine"]),
        (ImportField.Occupation, "职业", ["Occupation"]),
        (ImportField.Industry, "行业", ["Industry", "所属行业"]),
        (ImportField.LegalRepresentative, "法定代表人", ["LegalRepresentative"]),
        (ImportField.ImportExportBusiness, "进出口业务", ["ImportExport", "ImportExportBusiness"]),
        (ImportField.BranchCode, "机构代码", ["BranchCode"]),
        (ImportField.RelationshipManager, "客户经理", ["RelationshipManager"]),
    ];

    public static readonly IReadOnlyList<ImportField> Required = [ImportField.Type, ImportField.Name, ImportField.IdNumber];

    private static readonly Dictionary<string, ImportField> ByHeader = BuildIndex();

    /// <summary>The column name shown in error reports; the name column reads 名称 for companies.</summary>
    public static string ChineseName(ImportField field, CustomerType? type = null) =>
        field == ImportField.Name && type == CustomerType.Corporate ? "名称" : All.First(c => c.Field == field).Chinese;

    public static ImportField? Recognise(string header) =>
        ByHeader.TryGetValue(Normalize(header), out var field) ? field : null;

    /// <summary>
    /// Case, width and spacing do not matter ("Customer Number", "ＣｕｓｔｏｍｅｒＮｕｍｂｅｒ"); a required-mark
    /// asterisk and a trailing note in brackets, as bank templates write them ("出生日期(yyyy-MM-dd)*"), are ignored.
    /// </summary>
    public static string Normalize(string header)
    {
        var text = TextNormalizer.Clean(header).Replace("*", string.Empty, StringComparison.Ordinal);
        var bracket = text.IndexOf('(', StringComparison.Ordinal);
        if (bracket > 0 && text.EndsWith(')'))
        {
            text = text[..bracket];
        }

        return string.Concat(text.Where(ch => !char.IsWhiteSpace(ch) && ch != '_' && ch != '-')).ToLowerInvariant();
    }

    private static Dictionary<string, ImportField> BuildIndex()
    {
        var index = new Dictionary<string, ImportField>(StringComparer.Ordinal);
        foreach (var (field, chinese, aliases) in All)
        {
            index[Normalize(chinese)] = field;
            foreach (var alias in aliases)
            {
                index[Normalize(alias)] = field;
            }
        }

        return index;
    }
}
