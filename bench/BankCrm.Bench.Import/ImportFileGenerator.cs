using System.Globalization;
using System.Text;
using BankCrm.Core.Customers;

namespace BankCrm.Bench.Import;

/// <summary>
/// Writes a valid import file of any size: unique ID numbers and mobiles, one corporate customer in twenty,
/// all in branch SH001 with relationship manager rm1. Deterministic, so every run imports the same file.
/// </summary>
internal static class ImportFileGenerator
{
    private static readonly string[] Surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "欧阳", "司马"];
    private static readonly string[] GivenNames = ["伟", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟娟", "晓明"];
    private static readonly string[] Districts = ["浦东新区", "徐汇区", "黄浦区", "静安区", "长宁区", "闵行区"];

    public const string Header = "客户号,客户类型,姓名,证件号码,性别,出生日期,手机号,邮箱,省份,城市,区县,详细地址,职业,行业,法定代表人,进出口业务,机构代码,客户经理";

    public static void Write(string path, int rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        writer.WriteLine(Header);
        for (var i = 0; i < rows; i++)
        {
            writer.WriteLine(i % 20 == 19 ? Corporate(i) : Individual(i));
        }
    }

    /// <summary>The same rows as an .xlsx workbook, every cell text (as a bank template formats ID columns).</summary>
    public static void WriteXlsx(string csvPath, string xlsxPath)
    {
        var columns = Header.Split(',');
        var rows = File.ReadLines(csvPath).Skip(1).Select(line =>
        {
            var cells = line.Split(',');
            var row = new Dictionary<string, object?>(columns.Length);
            for (var c = 0; c < columns.Length; c++)
            {
                row[columns[c]] = cells[c];
            }

            return row;
        });
        MiniExcelLibs.MiniExcel.SaveAs(xlsxPath, rows);
    }

    private static string Individual(int i)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(i % 20_000);
        var id = ResidentIdNumber.Compose("310115", birth, i / 20_000);
        var name = Surnames[i % Surnames.Length] + GivenNames[i / Surnames.Length % GivenNames.Length];
        var district = Districts[i % Districts.Length];
        return string.Create(CultureInfo.InvariantCulture,
            $",个人,{name},{id},,{birth:yyyy-MM-dd},139{i:D8},c{i}@example.com,上海市,上海市,{district},{district}世纪大道 {i % 2000} 号,职员,,,否,SH001,rm1");
    }

    private static string Corporate(int i)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"91310000MA{i:D7}");
        var code = body + UnifiedSocialCreditCode.CheckCharacter(body);
        return string.Create(CultureInfo.InvariantCulture,
            $",对公,上海示例{i}贸易有限公司,{code},,,,info{i}@example.com,上海市,上海市,浦东新区,浦东新区银城中路 {i % 500} 号,,批发和零售业,王强,是,SH001,rm1");
    }
}
