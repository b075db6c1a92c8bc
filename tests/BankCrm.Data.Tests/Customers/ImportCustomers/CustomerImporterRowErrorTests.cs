using BankCrm.Data.Database;
using BankCrm.Core.Customers;
using BankCrm.Core.Organization;
using BankCrm.Data.Customers.ImportCustomers;
using Microsoft.EntityFrameworkCore;
using static BankCrm.Data.Tests.Customers.ImportCustomers.ImportFiles;

namespace BankCrm.Data.Tests.Customers.ImportCustomers;

public abstract class CustomerImporterRowErrorTests
{
    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task ImportAsync_WhenRowsMixValidAndInvalid_ImportsValidAndReportsExactRows()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);
        var badChecksum = IdNumber(3)[..17] + (IdNumber(3)[17] == '0' ? '1' : '0');
        var file = Text(
            Header,
            Person("张伟", 1),
            $",个人,王磊,{badChecksum},,,{Mobile(3)},SH001,rm1",
            string.Empty,
            $",个人,刘洋,{IdNumber(5)},,,12345,SH001,rm1",
            Person("赵敏", 6),
            $",个人,孙丽,{IdNumber(7, 124)},男,1990-01-08,{Mobile(7)},XX999,rm1",
            $",个人,周杰,{IdNumber(8)},,,{Mobile(8)},BJ001,rm1",
            $",未知,吴刚,{IdNumber(9)},,,{Mobile(9)},SH001,");

        var result = await database.ImportAsync(Utf8(file));

        Assert.Equal((7, 2, 5), (result.Rows, result.Created, result.Invalid));
        Assert.Equal(
            [
                new ImportRowError(3, "证件号码", Masking.IdNumber(badChecksum), "身份证号校验位错误"),
                new ImportRowError(5, "手机号", "*****", "手机号应为 11 位数字"),
                new ImportRowError(7, "性别", "男", "性别与身份证号不一致（身份证号显示女）"),
                new ImportRowError(7, "机构代码", "XX999", "机构代码 XX999 不存在"),
                new ImportRowError(8, "客户经理", "rm1", "客户经理 rm1 不属于机构 BJ001"),
                new ImportRowError(9, "客户类型", "未知", "客户类型应为“个人”或“对公”"),
            ],
            result.FirstErrors);
        await using var db = database.Factory.CreateDbContext();
        Assert.Equal(["张伟", "赵敏"], await db.Customers.OrderBy(c => c.Id).Select(c => c.Name).ToListAsync());
    }

    [Fact]
    public async Task ImportAsync_WhenIdInScientificNotation_RejectsRowWithoutFixingIt()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);

        var result = await database.ImportAsync(Utf8(Text(Header, $",个人,张伟,1.10105E+17,,,{Mobile(1)},SH001,rm1")));

        var error = Assert.Single(result.FirstErrors);
        Assert.Equal(new ImportRowError(2, "证件号码", "1.1010*E+17", "身份证号被 Excel 转成了科学计数法，请把该列设为文本后重新导出"), error);
        Assert.Equal(0, result.Created);
    }

    [Fact]
    public async Task ImportAsync_WhenIdNumberRepeatsInFile_RejectsLaterRow()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);

        var result = await database.ImportAsync(Utf8(Text(Header, Person("张伟", 1), Person("张伟", 2), $",个人,张伟,{IdNumber(1)},,,{Mobile(3)},SH001,rm1")));

        Assert.Equal((2, 1), (result.Created, result.Invalid));
        Assert.Equal(new ImportRowError(4, "证件号码", Masking.IdNumber(IdNumber(1)), "证件号码与第 2 行重复"), Assert.Single(result.FirstErrors));
    }

    [Fact]
    public async Task ImportAsync_WhenCustomerNumberRepeatsInFile_RejectsLaterRow()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);

        var result = await database.ImportAsync(Utf8(Text(Header, Person("张伟", 1, "C00000500"), Person("李娜", 2, "C00000500"))));

        Assert.Equal(new ImportRowError(3, "客户号", "C00000500", "客户号 C00000500 已被第 2 行使用"), Assert.Single(result.FirstErrors));
    }

    [Fact]
    public async Task ImportAsync_WhenIdBelongsToAnotherCustomerNumber_RejectsRow()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);
        await database.ImportAsync(Utf8(Text(Header, Person("张伟", 1, "C00000001"))));

        var result = await database.ImportAsync(Utf8(Text(Header, $"C00000002,个人,李强,{IdNumber(1)},,,{Mobile(2)},SH001,rm1")));

        Assert.Equal(new ImportRowError(2, "证件号码", Masking.IdNumber(IdNumber(1)), "证件号码已属于客户 C00000001"), Assert.Single(result.FirstErrors));
    }

    [Fact]
    public async Task ImportAsync_WhenNameAndMobileMatchAnotherCustomer_RejectsRowLikeTheForm()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);
        await database.ImportAsync(Utf8(Text(Header, Person("张伟", 1))));

        var result = await database.ImportAsync(Utf8(Text(Header, $",个人,张伟,{IdNumber(2)},,,{Mobile(1)},SH001,rm1")));

        var error = Assert.Single(result.FirstErrors);
        Assert.Equal(("手机号", "姓名和手机号与已有客户 C00000001 相同"), (error.Field, error.Message));
    }

    [Fact]
    public async Task ImportAsync_WhenBranchManagerImportsOtherBranch_RejectsThoseRows()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);
        var manager = new Actor("manager-id", "manager1", [StaffRole.BranchManager], ImportTestDatabase.Shanghai);

        var result = await database.ImportAsync(Utf8(Text(Header, Person("张伟", 1), $",个人,李娜,{IdNumber(2)},,,{Mobile(2)},BJ001,rm2", $",个人,王磊,{IdNumber(3)},,,{Mobile(3)},,")), manager);

        Assert.Equal((2, 1), (result.Created, result.Invalid));
        Assert.Equal(new ImportRowError(3, "机构代码", "BJ001", "只能导入本机构（SH001）的客户"), Assert.Single(result.FirstErrors));
    }

    [Fact]
    public async Task ImportAsync_WhenRowHasNoBranchAndActorHasNone_RequiresBranchCode()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);

        var result = await database.ImportAsync(Utf8(Text(Header, $",个人,张伟,{IdNumber(1)},,,{Mobile(1)},,")), CommandLine);

        Assert.Equal(new ImportRowError(2, "机构代码", string.Empty, "机构代码不能为空"), Assert.Single(result.FirstErrors));
    }

    [Fact]
    public async Task ImportAsync_WhenCorporateLacksLegalRepresentative_ReportsCorporateRules()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);

        var result = await database.ImportAsync(Utf8(Text("客户类型,名称,证件号码,行业,法定代表人,机构代码", $"对公,上海示例贸易有限公司,{CreditCode()},,,SH001")));

        Assert.Equal(["对公客户必须填写法定代表人", "对公客户必须填写所属行业"], result.FirstErrors.Select(e => e.Message));
    }

    [Fact]
    public async Task ImportAsync_WhenMoreRowsThanOneBatch_CommitsAllAndFindsRepeatsAcrossBatches()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);
        var lines = new List<string> { Header };
        lines.AddRange(Enumerable.Range(1, CustomerImporter.BatchSize + 4).Select(i => Person($"客户{i}", i)));
        lines.Add($",个人,重复,{IdNumber(1)},,,{Mobile(99_999)},SH001,rm1");
        var progress = new List<ImportProgress>();

        var result = await database.ImportAsync(Utf8(Text([.. lines])), progress: new SyncProgress(progress.Add));

        Assert.Equal((CustomerImporter.BatchSize + 4, 1), (result.Created, result.Invalid));
        Assert.Equal(new ImportRowError(CustomerImporter.BatchSize + 6, "证件号码", Masking.IdNumber(IdNumber(1)), "证件号码与第 2 行重复"), Assert.Single(result.FirstErrors));
        Assert.Equal([CustomerImporter.BatchSize, CustomerImporter.BatchSize + 5], progress.Select(p => p.RowsProcessed));
        Assert.All(progress, p => Assert.Equal(CustomerImporter.BatchSize + 5, p.EstimatedTotal));
    }

    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}

public sealed class CustomerImporterRowErrorTestsOnSqlite : CustomerImporterRowErrorTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class CustomerImporterRowErrorTestsOnPostgres : CustomerImporterRowErrorTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
