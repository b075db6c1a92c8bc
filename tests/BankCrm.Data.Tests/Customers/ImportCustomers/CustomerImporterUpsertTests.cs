using BankCrm.Core.Organization;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;
using static BankCrm.Data.Tests.Customers.ImportCustomers.ImportFiles;

namespace BankCrm.Data.Tests.Customers.ImportCustomers;

public abstract class CustomerImporterUpsertTests
{
    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task ImportAsync_WhenSameFileImportedTwice_SecondRunChangesNothing()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);
        var file = Utf8(Text(
            Header + ",邮箱,详细地址,进出口业务,行业,法定代表人",
            Person("张伟", 1, "C00000100") + ",zw@example.com,浦东新区世纪大道 100 号,否,,",
            Person("欧阳娜娜", 2) + ",,,,,",
            $",对公,上海示例贸易有限公司,{CreditCode()},,,,SH001,rm1,,,是,批发和零售业,王强",
            $",个人,王磊,{IdNumber(3)},,,12345,SH001,rm1,,,,,"));
        var first = await database.ImportAsync(file);
        Assert.Equal("4 rows: 3 created, 0 updated, 0 unchanged, 1 invalid", first.Summary);
        var changesAfterFirst = await CountChangesAsync(database);

        var second = await database.ImportAsync(file);

        Assert.Equal("4 rows: 0 created, 0 updated, 3 unchanged, 1 invalid", second.Summary);
        Assert.Equal(changesAfterFirst, await CountChangesAsync(database));
    }

    [Fact]
    public async Task ImportAsync_WhenCustomerNumberExists_UpdatesAndRecordsChangeHistory()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);
        await database.ImportAsync(Utf8(Text(Header, Person("张伟", 1, "C00000100"))), CommandLine);
        var importer = new Actor("manager-id", "manager1", [StaffRole.BranchManager], ImportTestDatabase.Shanghai);

        var result = await database.ImportAsync(Utf8(Text(Header, $"C00000100,个人,张伟,{IdNumber(1)},,,13900000001,SH001,rm1")), importer);

        Assert.Equal((1, 0), (result.Updated, result.Created));
        await using var db = database.Factory.CreateDbContext();
        var customer = await db.Customers.SingleAsync();
        Assert.Equal(("13900000001", 2), (customer.Mobile, customer.Version));
        var changes = await db.CustomerChanges.Where(c => c.CustomerId == customer.Id).OrderBy(c => c.Id).Select(c => new { c.Field, c.OldValue, c.NewValue, c.ChangedBy }).ToListAsync();
        Assert.Equal(
            [new { Field = "Created", OldValue = (string?)null, NewValue = (string?)"C00000100", ChangedBy = "import:customers.csv" }, new { Field = "Mobile", OldValue = (string?)Mobile(1), NewValue = (string?)"13900000001", ChangedBy = "manager1" }],
            changes);
    }

    [Fact]
    public async Task ImportAsync_WhenRowHasNoNumberButKnownId_UpdatesThatCustomer()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);
        await database.ImportAsync(Utf8(Text(Header, Person("张伟", 1, "C00000007"))));

        var result = await database.ImportAsync(Utf8(Text(Header, $",个人,张伟,{IdNumber(1)},,,{Mobile(1)},BJ001,rm2")));

        Assert.Equal(1, result.Updated);
        await using var db = database.Factory.CreateDbContext();
        var customer = await db.Customers.SingleAsync();
        Assert.Equal(("C00000007", ImportTestDatabase.Beijing, database.Rm2Id), (customer.CustomerNumber, customer.BranchId, customer.RelationshipManagerId));
        Assert.Equal(["BranchId", "RelationshipManagerId"], await db.CustomerChanges.Where(c => c.Field != "Created").OrderBy(c => c.Id).Select(c => c.Field).ToListAsync());
    }

    [Fact]
    public async Task ImportAsync_WhenColumnAbsent_KeepsStoredValue()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);
        await database.ImportAsync(Utf8(Text(Header + ",邮箱", Person("张伟", 1, "C00000001") + ",zw@example.com")));

        var result = await database.ImportAsync(Utf8(Text("客户号,客户类型,姓名,证件号码,城市", $"C00000001,个人,张伟,{IdNumber(1)},上海市")));

        Assert.Equal(1, result.Updated);
        await using var db = database.Factory.CreateDbContext();
        var customer = await db.Customers.SingleAsync();
        Assert.Equal(("zw@example.com", Mobile(1), "上海市", database.Rm1Id), (customer.Email, customer.Mobile, customer.City, customer.RelationshipManagerId));
    }

    [Fact]
    public async Task ImportAsync_WhenNumbersGivenAndMissing_KeepsGivenAndAllocatesAboveThem()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);

        await database.ImportAsync(Utf8(Text(Header, Person("张伟", 1, "C00000500"), Person("李娜", 2), Person("王磊", 3, "c00000501"))));

        await using var db = database.Factory.CreateDbContext();
        Assert.Equal(
            [("张伟", "C00000500"), ("李娜", "C00000001"), ("王磊", "C00000501")],
            (await db.Customers.OrderBy(c => c.Id).Select(c => new { c.Name, c.CustomerNumber }).ToListAsync()).Select(c => (c.Name, c.CustomerNumber)));

        await database.ImportAsync(Utf8(Text(Header, Person("赵敏", 4))));
        Assert.Equal("C00000502", await db.Customers.Where(c => c.Name == "赵敏").Select(c => c.CustomerNumber).SingleAsync());
    }

    [Fact]
    public async Task ImportAsync_WhenTypeDiffersFromExistingCustomer_RejectsRow()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);
        await database.ImportAsync(Utf8(Text(Header, Person("张伟", 1, "C00000001"))));

        var result = await database.ImportAsync(Utf8(Text("客户号,客户类型,名称,证件号码,行业,法定代表人", $"C00000001,对公,示例公司,{CreditCode()},制造业,张伟")));

        Assert.Equal("已有客户 C00000001 是个人客户，导入不能修改客户类型", Assert.Single(result.FirstErrors).Message);
    }

    [Fact]
    public async Task ImportAsync_WhenDatabaseRefusesOneRow_SavesTheOthersOfItsBatch()
    {
        await using var database = await ImportTestDatabase.CreateAsync(Provider);
        await using (var db = database.Factory.CreateDbContext())
        {
            // Stands in for a conflict the rules cannot see in advance (a number taken by a concurrent save).
            await db.Database.ExecuteSqlRawAsync(database.Factory.Options.Provider == DatabaseProvider.Postgres
                ? "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN IF NEW.name = '拒绝' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;"
                    + " CREATE TRIGGER refuse BEFORE INSERT ON customers FOR EACH ROW EXECUTE FUNCTION refuse();"
                : "CREATE TRIGGER refuse BEFORE INSERT ON customers WHEN NEW.name = '拒绝' BEGIN SELECT RAISE(ABORT, 'refused'); END;");
        }

        var result = await database.ImportAsync(Utf8(Text(Header, Person("张伟", 1), Person("拒绝", 2), Person("李娜", 3))));

        Assert.Equal((2, 1), (result.Created, result.Invalid));
        Assert.Equal(new BankCrm.Data.Customers.ImportCustomers.ImportRowError(3, string.Empty, string.Empty, "保存失败：数据库拒绝了该行（可能与他人同时进行的修改冲突），请稍后重新导入该行"), Assert.Single(result.FirstErrors));
        await using var check = database.Factory.CreateDbContext();
        Assert.Equal(["张伟", "李娜"], await check.Customers.OrderBy(c => c.Id).Select(c => c.Name).ToListAsync());
        Assert.Equal(2, await check.CustomerChanges.CountAsync(c => c.Field == "Created"));
    }

    private static async Task<int> CountChangesAsync(ImportTestDatabase database)
    {
        await using var db = database.Factory.CreateDbContext();
        return await db.CustomerChanges.CountAsync();
    }
}

public sealed class CustomerImporterUpsertTestsOnSqlite : CustomerImporterUpsertTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class CustomerImporterUpsertTestsOnPostgres : CustomerImporterUpsertTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
