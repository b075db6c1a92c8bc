using System.Text;
using BankCrm.Core.Customers;
using BankCrm.Core.Organization;

namespace BankCrm.Data.Tests.Customers.ImportCustomers;

/// <summary>Valid identifiers and import files in the encodings banks send.</summary>
internal static class ImportFiles
{
    public const string Header = "客户号,客户类型,姓名,证件号码,性别,出生日期,手机号,机构代码,客户经理";

    public static readonly Actor Admin = new("admin-id", "admin", [StaffRole.Admin], null);

    public static readonly Actor CommandLine = new("system", "import:customers.csv", [StaffRole.Admin], null);

    static ImportFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A valid resident ID number of someone born on 1990-01-01 plus <paramref name="days"/>; odd sequences are men.</summary>
    public static string IdNumber(int days, int sequence = 123) =>
        ResidentIdNumber.Compose("110105", new DateOnly(1990, 1, 1).AddDays(days), sequence);

    public static string CreditCode(string first17 = "91310000MA1FL0000") =>
        first17 + UnifiedSocialCreditCode.CheckCharacter(first17);

    public static string Mobile(int n) => $"138{n:D8}";

    public static string Text(params string[] lines) => string.Join("\n", lines) + "\n";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    public static byte[] Gb18030(string text) => Encoding.GetEncoding("GB18030").GetBytes(text);

    /// <summary>A data row under <see cref="Header"/> for an individual customer of SH001 served by rm1.</summary>
    public static string Person(string name, int n, string number = "") =>
        $"{number},个人,{name},{IdNumber(n)},,,{Mobile(n)},SH001,rm1";
}
