using BankCrm.Data.Database;
using BankCrm.Core.Organization;
using BankCrm.Data.Customers.ImportCustomers;
using Microsoft.EntityFrameworkCore;
using static BankCrm.Data.Tests.Customers.ImportCustomers.ImportFiles;

namespace BankCrm.Data.Tests.Customers.ImportCustomers;

public abstract class CustomerImporterFileErrorTests
{
    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task ImportAsync_WhenHeadersUnknown_RefusesFileAndChangesNothing()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);

        var result = await database.ImportAsync(Utf8(Text(Header + ",备注,爱好", Person("张伟", 1) + ",x,y")));

        Assert.StartsWith("表头有误：无法识别的表头“备注”、“爱好”（可用的列：客户号、客户类型、姓名", result.FileError, StringComparison.Ordinal);
        await AssertNothingImportedAsync(database, result);
    }

    [Fact]
    public async Task ImportAsync_WhenRequiredColumnsMissing_NamesThem()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);

        var result = await database.ImportAsync(Utf8(Text("姓名,手机号", $"张伟,{Mobile(1)}")));

        Assert.Equal("表头有误：缺少必填列：客户类型、证件号码。", result.FileError);
        await AssertNothingImportedAsync(database, result);
    }

    [Fact]
    public async Task ImportAsync_WhenHeaderRepeats_RefusesFile()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);

        var result = await database.ImportAsync(Utf8(Text(Header + ",姓名", Person("张伟", 1) + ",张伟")));

        Assert.Equal("表头有误：表头“姓名”重复出现（第 3 列和第 10 列）。", result.FileError);
        await AssertNothingImportedAsync(database, result);
    }

    [Fact]
    public async Task ImportAsync_WhenEnglishHeadersInAnyCase_Accepted()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);

        var result = await database.ImportAsync(Utf8(Text("customer number,TYPE,Name,id_number,Mobile,branchCode", $",Individual,Zhang Wei,{IdNumber(1)},{Mobile(1)},sh001")));

        Assert.Equal((null, 1), (result.FileError, result.Created));
    }

    [Fact]
    public async Task ImportAsync_WhenPasswordColumn_RefusesAuthenticationData()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);

        var result = await database.ImportAsync(Utf8(Text(Header + ",交易密码", Person("张伟", 1) + ",123456")));

        Assert.Equal("表头有误：不得导入密码、验证码等鉴别信息，请删除列“交易密码”。", result.FileError);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x0D, 0x0A, 0x0D, 0x0A })]
    public async Task ImportAsync_WhenFileEmpty_ReportsEmptyFile(byte[] content)
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);

        var result = await database.ImportAsync(content);

        Assert.Equal("文件为空。", result.FileError);
    }

    [Fact]
    public async Task ImportAsync_WhenOnlyHeader_ReportsNoDataRows()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);

        var result = await database.ImportAsync(Utf8(Text(Header, ",,,,,,,,", string.Empty)));

        Assert.Equal("文件只有表头，没有数据行。", result.FileError);
        await AssertNothingImportedAsync(database, result);
    }

    [Fact]
    public async Task ImportAsync_WhenBinaryFileNamedCsv_RefusesFormat()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);
        var random = new byte[4096];
        new Random(7).NextBytes(random);

        var result = await database.ImportAsync([0x89, (byte)'P', (byte)'N', (byte)'G', .. random]);

        Assert.Equal("无法识别的文件格式：请上传 CSV（UTF-8 或 GBK 编码）或 Excel（.xlsx）文件。", result.FileError);
    }

    [Fact]
    public async Task ImportAsync_WhenOldExcelFormat_AsksForXlsx()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);

        var result = await database.ImportAsync([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]);

        Assert.Equal("不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入。", result.FileError);
    }

    [Fact]
    public async Task ImportAsync_WhenZipIsNotWorkbook_RefusesFile()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            await entry.WriteAsync("hello");
        }

        var result = await database.ImportAsync(zip.ToArray());

        Assert.Equal("文件是压缩包但不是 Excel（.xlsx）工作簿。", result.FileError);
    }

    [Fact]
    public async Task ImportAsync_WhenActorIsRelationshipManager_RefusesImport()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);
        var rm = new Actor(database.Rm1Id, "rm1", [StaffRole.RelationshipManager], ImportTestDatabase.Shanghai);

        var result = await database.ImportAsync(Utf8(Text(Header, Person("张伟", 1))), rm);

        Assert.Equal("只有管理员或支行行长可以导入客户。", result.FileError);
        await AssertNothingImportedAsync(database, result);
    }

    [Fact]
    public async Task ErrorReport_WhenWritten_IsUtf8WithBomAndEscapesFormulas()
    {
        using var destination = new MemoryStream();
        using (var report = ImportErrorReport.WriteTo(destination))
        {
            report.Add(new ImportRowError(3, "姓名", "=HYPERLINK(\"x\")", "名称不能超过 100 个字符"));
        }

        var bytes = destination.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("行号,字段,值,错误说明\r\n3,姓名,\"'=HYPERLINK(\"\"x\"\")\",名称不能超过 100 个字符\r\n", System.Text.Encoding.UTF8.GetString(bytes[3..]));
    }

    private static async Task AssertNothingImportedAsync(ImportTestDatabase database, ImportResult result)
    {
        Assert.Equal(0, result.Rows);
        await using var db = database.Factory.CreateDbContext();
        Assert.False(await db.Customers.AnyAsync());
        Assert.False(await db.CustomerChanges.AnyAsync());
    }
}

public sealed class CustomerImporterFileErrorTestsOnSqlite : CustomerImporterFileErrorTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class CustomerImporterFileErrorTestsOnPostgres : CustomerImporterFileErrorTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
