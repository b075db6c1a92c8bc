using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Data.Customers;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Web.Customers;

namespace BankCrm.Integration.Tests.Customers;

/// <summary>
/// The search box and list filters. The names use rare characters (龘 靐 鱻 𠮷) that generated demo
/// customers never have, so the expected counts hold whatever else is in the database.
/// </summary>
public abstract class CustomerSearchTests(BankCrmApp app)
{
    private static readonly string[] IndividualNames = ["龘靐甲", "龘靐乙", "龘靐丙", "龘鱻丁"];
    private const string CorporateName = "龘靐科技有限公司";
    private const string ExtensionBName = "𠮷野鑫";

    private sealed record Fixture(IReadOnlyList<(CustomerInput Input, CustomerResponse Created)> Customers)
    {
        public (CustomerInput Input, CustomerResponse Created) Named(string name) => Customers.Single(c => c.Created.Name == name);
    }

    [Fact]
    public async Task Search_by_exact_customer_number_finds_that_customer()
    {
        var target = (await FixtureAsync()).Named("龘靐乙").Created;

        var page = await SearchAsync(target.CustomerNumber.ToLowerInvariant());

        Assert.Equal(target.Id, Assert.Single(page.Items).Id);
        Assert.Equal(1, page.Total);
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("{1} {2} {3}")]
    [InlineData("+86 {1}-{2}-{3}")]
    [InlineData("+86{0}")]
    public async Task Search_by_mobile_finds_the_customer_however_the_number_is_typed(string format)
    {
        var (input, created) = (await FixtureAsync()).Named("龘靐丙");
        var m = input.Mobile!;
        var typed = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, m, m[..3], m[3..7], m[7..]);

        var page = await SearchAsync(typed);

        Assert.Equal(created.Id, Assert.Single(page.Items).Id);
        Assert.Equal(created.MaskedMobile, page.Items[0].MaskedMobile);
    }

    [Fact]
    public async Task Search_by_id_number_finds_the_customer()
    {
        var (input, created) = (await FixtureAsync()).Named("龘鱻丁");

        var page = await SearchAsync(input.IdNumber!.ToLowerInvariant());

        Assert.Equal(created.Id, Assert.Single(page.Items).Id);
        Assert.Equal(Masking.IdNumber(input.IdNumber), page.Items[0].MaskedIdNumber);
    }

    [Fact]
    public async Task Search_by_credit_code_finds_the_company()
    {
        var (input, created) = (await FixtureAsync()).Named(CorporateName);

        var page = await SearchAsync(input.IdNumber!);

        Assert.Equal(created.Id, Assert.Single(page.Items).Id);
    }

    [Theory]
    [InlineData("龘靐", new[] { "龘靐丙", "龘靐乙", "龘靐甲", CorporateName })]
    [InlineData("靐乙", new[] { "龘靐乙" })]
    [InlineData("鱻", new[] { "龘鱻丁" })]
    [InlineData("龘", new[] { "龘靐丙", "龘靐乙", "龘靐甲", CorporateName, "龘鱻丁" })]
    [InlineData("靐科技有限", new[] { CorporateName })]
    [InlineData("𠮷野", new[] { ExtensionBName })]
    [InlineData("𠮷", new[] { ExtensionBName })]
    [InlineData("靐龘", new string[0])]
    public async Task Search_by_part_of_a_name_finds_every_name_containing_it(string query, string[] expected)
    {
        await FixtureAsync();

        var page = await SearchAsync(query, "&sort=Name&pageSize=50");

        Assert.Equal(expected.Order(StringComparer.Ordinal), page.Items.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Length, page.Total);
    }

    [Fact]
    public async Task Search_with_like_wildcards_matches_them_literally()
    {
        await FixtureAsync();

        Assert.Equal(0, (await SearchAsync("龘%")).Total);
        Assert.Equal(0, (await SearchAsync("龘_")).Total);
    }

    [Fact]
    public async Task Paging_keeps_the_total_and_returns_the_right_slice()
    {
        await FixtureAsync();

        var first = await SearchAsync("龘", "&sort=Name&pageSize=2&page=1");
        var second = await SearchAsync("龘", "&sort=Name&pageSize=2&page=2");
        var third = await SearchAsync("龘", "&sort=Name&pageSize=2&page=3");
        var beyond = await SearchAsync("龘", "&sort=Name&pageSize=2&page=4");

        Assert.All([first, second, third, beyond], p => Assert.Equal(5, p.Total));
        Assert.Equal([2, 2, 1, 0], new[] { first, second, third, beyond }.Select(p => p.Items.Count));
        Assert.Equal(5, first.Items.Concat(second.Items).Concat(third.Items).Select(c => c.Id).Distinct().Count());
        Assert.Equal((2, 2), (second.Page, second.PageSize));
    }

    [Fact]
    public async Task Sorting_by_name_orders_ascending_and_descending()
    {
        await FixtureAsync();
        string[] expected = ["龘靐丙", "龘靐乙", "龘靐甲", CorporateName, "龘鱻丁"];

        var ascending = await SearchAsync("龘", "&sort=Name");
        var descending = await SearchAsync("龘", "&sort=Name&descending=true");

        // Code-point order (丙 U+4E19 < 乙 U+4E59 < 甲 U+7532 < 科 U+79D1; 靐 U+9750 < 鱻 U+9C7B) on both databases.
        Assert.Equal(expected, ascending.Items.Select(c => c.Name));
        Assert.Equal(expected.Reverse(), descending.Items.Select(c => c.Name));
    }

    [Fact]
    public async Task Sorting_by_customer_number_follows_creation_order()
    {
        var fixture = await FixtureAsync();

        var page = await SearchAsync("龘", "&sort=CustomerNumber");

        var expected = fixture.Customers.Where(c => c.Created.Name.StartsWith('龘')).Select(c => c.Created.CustomerNumber).Order(StringComparer.Ordinal);
        Assert.Equal(expected, page.Items.Select(c => c.CustomerNumber));
    }

    [Theory]
    [InlineData("Corporate", new[] { CorporateName })]
    [InlineData("Individual", new[] { "龘靐丙", "龘靐乙", "龘靐甲" })]
    public async Task Filtering_by_type_keeps_only_that_type(string type, string[] expected)
    {
        await FixtureAsync();

        var page = await SearchAsync("龘靐", $"&type={type}&sort=Name");

        Assert.Equal(expected, page.Items.Select(c => c.Name));
        Assert.Equal(expected.Length, page.Total);
    }

    [Fact]
    public async Task List_rows_carry_branch_and_rm_names()
    {
        var created = (await FixtureAsync()).Named("龘靐甲").Created;

        var row = Assert.Single((await SearchAsync(created.CustomerNumber)).Items);

        Assert.Equal("上海陆家嘴支行", row.BranchName);
        Assert.Equal("李明", row.RelationshipManagerName);
        Assert.Equal(CustomerType.Individual, row.Type);
    }

    private async Task<PagedResult<CustomerListItem>> SearchAsync(string query, string extra = "")
    {
        using var rm1 = await app.ClientForAsync("rm1");
        return await rm1.GetOkAsync<PagedResult<CustomerListItem>>($"/api/v1/customers?q={Uri.EscapeDataString(query)}{extra}");
    }

    private Task<Fixture> FixtureAsync() => app.OnceAsync("search-customers", async () =>
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var inputs = IndividualNames.Select(CustomerApi.Individual)
            .Append(CustomerApi.Corporate(CorporateName))
            .Append(CustomerApi.Individual(ExtensionBName))
            .ToList();
        var created = new List<(CustomerInput, CustomerResponse)>();
        foreach (var input in inputs)
        {
            created.Add((input, await rm1.CreateAsync(input)));
        }

        return new Fixture(created);
    });
}

public sealed class CustomerSearchTestsOnSqlite(SqliteApp app) : CustomerSearchTests(app), IClassFixture<SqliteApp>;

public sealed class CustomerSearchTestsOnPostgres(PostgresApp app) : CustomerSearchTests(app), IClassFixture<PostgresApp>;
