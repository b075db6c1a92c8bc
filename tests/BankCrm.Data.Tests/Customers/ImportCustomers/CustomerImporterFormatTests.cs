using BankCrm.Data.Database;
using BankCrm.Core.Customers;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static BankCrm.Data.Tests.Customers.ImportCustomers.ImportFiles;

namespace BankCrm.Data.Tests.Customers.ImportCustomers;

public abstract class CustomerImporterFormatTests
{
    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task ImportAsync_WhenUtf8Csv_CreatesCustomersWithBranchAndManager()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);

        var result = await database.ImportAsync(Utf8(Text(Header, Person("张伟", 1), Person("李娜", 2))));

        Assert.Null(result.FileError);
        Assert.Equal((2, 2, 0), (result.Rows, result.Created, result.Invalid));
        await using var db = database.Factory.CreateDbContext();
        var zhang = await db.Customers.SingleAsync(c => c.Name == "张伟");
        Assert.Equal((IdNumber(1), Mobile(1), ImportTestDatabase.Shanghai, database.Rm1Id), (zhang.IdNumber, zhang.Mobile, zhang.BranchId, zhang.RelationshipManagerId));
        Assert.Equal((Gender.Male, new DateOnly(1990, 1, 2)), (zhang.Gender, zhang.BirthDate));
    }

    [Fact]
    public async Task ImportAsync_WhenUtf8WithByteOrderMark_RecognisesFirstColumn()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);

        var result = await database.ImportAsync(Utf8WithBom(Text(Header, Person("张伟", 1, "C00000042"))));

        Assert.Equal(1, result.Created);
        await using var db = database.Factory.CreateDbContext();
        Assert.Equal("C00000042", (await db.Customers.SingleAsync()).CustomerNumber);
    }

    [Fact]
    public async Task ImportAsync_WhenGbkCsv_NamesRoundTripExactly()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);
        string[] names = ["张伟", "欧阳娜娜", "𡃁明"];

        var result = await database.ImportAsync(Gb18030(Text(Header, Person(names[0], 1), Person(names[1], 2), Person(names[2], 3))));

        Assert.Equal(3, result.Created);
        await using var db = database.Factory.CreateDbContext();
        Assert.Equal(names.Order(StringComparer.Ordinal), await db.Customers.Select(c => c.Name).OrderBy(n => n).ToListAsync(), StringComparer.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_WhenTabSeparated_ReadsColumns()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);

        var result = await database.ImportAsync(Utf8(Text(Header.Replace(',', '\t'), Person("张伟", 1).Replace(',', '\t'))));

        Assert.Equal(1, result.Created);
    }

    [Fact]
    public async Task ImportAsync_WhenQuotedCellSpansLines_CountsRowsAsSpreadsheetDoes()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);
        var file = Text(Header + ",详细地址", Person("张伟", 1) + ",\"浦东新区\n世纪大道 100 号, 8 楼\"", $",个人,李娜,{IdNumber(2)},,,123,SH001,rm1,");

        var result = await database.ImportAsync(Utf8(file.Replace("\n", "\r\n", StringComparison.Ordinal)));

        Assert.Equal(3, Assert.Single(result.FirstErrors).Row);
        await using var db = database.Factory.CreateDbContext();
        Assert.Equal("浦东新区\n世纪大道 100 号, 8 楼", (await db.Customers.SingleAsync()).AddressLine);
    }

    [Fact]
    public async Task ImportAsync_WhenXlsx_ReadsTextNumberAndDateCells()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);
        var rows = new[]
        {
            new Dictionary<string, object?>
            {
                ["客户类型"] = "个人", ["姓名"] = "欧阳娜娜", ["证件号码"] = IdNumber(10, 124), ["出生日期"] = new DateTime(1990, 1, 11),
                ["手机号"] = 13800000010d, ["机构代码"] = "SH001", ["进出口业务"] = "否", ["行业"] = null, ["法定代表人"] = null,
            },
            new Dictionary<string, object?>
            {
                ["客户类型"] = "对公", ["姓名"] = "上海示例贸易有限公司", ["证件号码"] = CreditCode(), ["出生日期"] = null,
                ["手机号"] = null, ["机构代码"] = "SH001", ["进出口业务"] = "是", ["行业"] = "批发和零售业", ["法定代表人"] = "王强",
            },
        };

        var result = await database.ImportAsync(Xlsx(rows));

        Assert.Null(result.FileError);
        Assert.Equal(2, result.Created);
        await using var db = database.Factory.CreateDbContext();
        var person = await db.Customers.SingleAsync(c => c.Type == CustomerType.Individual);
        Assert.Equal(("欧阳娜娜", "13800000010", new DateOnly(1990, 1, 11), Gender.Female), (person.Name, person.Mobile, person.BirthDate, person.Gender));
        var company = await db.Customers.SingleAsync(c => c.Type == CustomerType.Corporate);
        Assert.Equal((CreditCode(), "王强", true), (company.IdNumber, company.LegalRepresentative, company.ImportExportBusiness));
    }

    [Fact]
    public async Task ImportAsync_WhenXlsxIdIsNumberCell_RejectsScientificNotation()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);
        var rows = new[] { new Dictionary<string, object?> { ["客户类型"] = "个人", ["姓名"] = "张伟", ["证件号码"] = 110105199001011234d, ["手机号"] = "13800000001", ["机构代码"] = "SH001" } };

        var result = await database.ImportAsync(Xlsx(rows));

        var error = Assert.Single(result.FirstErrors);
        Assert.Equal((2, "证件号码"), (error.Row, error.Field));
        Assert.Contains("科学计数法", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_WhenDigitsAreFullWidth_StoresNormalisedValues()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);
        var wide = string.Concat(IdNumber(1).Select(c => (char)(c - '0' + '０')));

        var result = await database.ImportAsync(Utf8(Text(Header, $",个人,张伟,{wide},男,１９９０-０１-０２,１３８００００００01,ＳＨ００１,rm1")));

        Assert.Equal(1, result.Created);
        await using var db = database.Factory.CreateDbContext();
        var customer = await db.Customers.SingleAsync();
        Assert.Equal((IdNumber(1), "13800000001"), (customer.IdNumber, customer.Mobile));
    }

    private static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }
}

public sealed class CustomerImporterFormatTestsOnSqlite : CustomerImporterFormatTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class CustomerImporterFormatTestsOnPostgres : CustomerImporterFormatTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
