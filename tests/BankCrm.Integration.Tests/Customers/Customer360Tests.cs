using System.Net;
using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;
using BankCrm.Data.Customers;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Web.Customers;

namespace BankCrm.Integration.Tests.Customers;

/// <summary>
/// The Customer 360 read model. Holdings have no API (they come from core banking), so the fixture writes
/// products, accounts and transactions straight into the database for one customer created through the API.
/// </summary>
public abstract class Customer360Tests(BankCrmApp app)
{
    [Fact]
    public async Task Aum_is_the_sum_of_asset_balances_and_liabilities_are_apart()
    {
        var holder = await HolderAsync();

        var summary = await Rm1GetAsync<Customer360Summary>($"/api/v1/customers/{holder.Customer.Id}/360");

        Assert.Equal(50_000.00m + 100_000.00m + 80_000.50m + 1_234.56m, summary.Aum);
        Assert.Equal(500_000.00m + 3_200.75m, summary.Liabilities);
        Assert.Equal(holder.Accounts.Count, summary.Holdings.Count);
        Assert.Equal(5, summary.ProductCategoryCount);
        Assert.Equal(
            [(ProductCategory.TimeDeposit, 100_000.00m), (ProductCategory.Wealth, 80_000.50m), (ProductCategory.DemandDeposit, 51_234.56m)],
            summary.AssetDistribution.Select(t => (t.Category, t.Amount)));
    }

    [Fact]
    public async Task The_header_shows_the_customer_with_identifiers_masked()
    {
        var holder = await HolderAsync();

        var summary = await Rm1GetAsync<Customer360Summary>($"/api/v1/customers/{holder.Customer.Id}/360");

        Assert.Equal(holder.Customer.CustomerNumber, summary.CustomerNumber);
        Assert.Equal("钱全景", summary.Name);
        Assert.Equal(holder.Input.IdNumber![..6] + "********" + holder.Input.IdNumber[^4..], summary.MaskedIdNumber);
        Assert.Equal(Masking.Mobile(holder.Input.Mobile), summary.MaskedMobile);
        Assert.Equal("上海陆家嘴支行", summary.BranchName);
        Assert.Equal("李明", summary.RelationshipManagerName);
        Assert.All(summary.Holdings, h => Assert.Matches(@"^629999\*+\d{4}$", h.MaskedAccountNumber));
    }

    [Fact]
    public async Task Recent_transactions_are_the_latest_ten_newest_first()
    {
        var holder = await HolderAsync();

        var summary = await Rm1GetAsync<Customer360Summary>($"/api/v1/customers/{holder.Customer.Id}/360");

        var expected = holder.Transactions.OrderByDescending(t => t.OccurredAt).ThenByDescending(t => t.Id).Take(Customer360Query.RecentTransactionCount).Select(t => t.Id);
        Assert.Equal(expected, summary.RecentTransactions.Select(t => t.Id));
        Assert.Equal(15_000.00m, summary.RecentTransactions[0].Amount);
        Assert.Equal(TransactionKind.Salary, summary.RecentTransactions[0].Kind);
    }

    [Fact]
    public async Task A_customer_without_holdings_has_zero_aum()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var created = await rm1.CreateAsync(CustomerApi.Individual("钱空户"));

        var summary = await rm1.GetOkAsync<Customer360Summary>($"/api/v1/customers/{created.Id}/360");

        Assert.Equal((0m, 0m, 0), (summary.Aum, summary.Liabilities, summary.Holdings.Count));
        Assert.Empty(summary.RecentTransactions);
    }

    [Fact]
    public async Task Transactions_filter_by_date_range()
    {
        var holder = await HolderAsync();
        var from = holder.Today.AddDays(-25);
        var to = holder.Today.AddDays(-5);

        var page = await TransactionsAsync(holder, $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");

        // Both ends are whole China days: the day -5 (at 10:00) and -25 (at 10:00) are inside, -2 and -40 outside.
        AssertMatches(holder, page, t => t.OccurredAt >= ChinaMidnightUtc(from) && t.OccurredAt < ChinaMidnightUtc(to.AddDays(1)));
        Assert.Equal(4, page.Total);
    }

    [Theory]
    [InlineData("kind=Withdrawal")]
    [InlineData("kind=Salary")]
    [InlineData("channel=MobileApp")]
    [InlineData("channel=Counter&kind=Deposit")]
    public async Task Transactions_filter_by_kind_and_channel(string query)
    {
        var holder = await HolderAsync();
        var kind = query.Contains("kind=", StringComparison.Ordinal) ? Enum.Parse<TransactionKind>(query.Split("kind=")[1].Split('&')[0]) : (TransactionKind?)null;
        var channel = query.Contains("channel=", StringComparison.Ordinal) ? Enum.Parse<TransactionChannel>(query.Split("channel=")[1].Split('&')[0]) : (TransactionChannel?)null;

        var page = await TransactionsAsync(holder, query);

        AssertMatches(holder, page, t => (kind is null || t.Kind == kind) && (channel is null || t.Channel == channel));
        Assert.NotEqual(0, page.Total);
    }

    [Theory]
    [InlineData("1000", null)]
    [InlineData("288.50", null)]
    [InlineData("288.51", null)]
    [InlineData(null, "100")]
    [InlineData(null, "288.50")]
    [InlineData("0.01", "288.50")]
    [InlineData("9", "10")]
    [InlineData("80000", "80000.00")]
    public async Task Transactions_filter_by_amount_either_way_with_exact_decimals(string? min, string? max)
    {
        // Amounts are compared by size, money in or out; these bounds sit exactly on stored amounts
        // and between amounts whose text would sort differently (9 < 10 < 288.50 < 1000).
        var holder = await HolderAsync();
        var query = string.Join('&', new[] { min is null ? null : $"minAmount={min}", max is null ? null : $"maxAmount={max}" }.Where(p => p is not null));
        var minValue = min is null ? (decimal?)null : decimal.Parse(min, System.Globalization.CultureInfo.InvariantCulture);
        var maxValue = max is null ? (decimal?)null : decimal.Parse(max, System.Globalization.CultureInfo.InvariantCulture);

        var page = await TransactionsAsync(holder, query);

        AssertMatches(holder, page, t => (minValue is null || Math.Abs(t.Amount) >= minValue) && (maxValue is null || Math.Abs(t.Amount) <= maxValue));
    }

    [Fact]
    public async Task Transactions_combine_filters_and_page_with_correct_totals()
    {
        var holder = await HolderAsync();

        var first = await TransactionsAsync(holder, "minAmount=10&page=1", pageSize: 3);
        var second = await TransactionsAsync(holder, "minAmount=10&page=2", pageSize: 3);

        var expected = holder.Transactions.Where(t => Math.Abs(t.Amount) >= 10).OrderByDescending(t => t.OccurredAt).ThenByDescending(t => t.Id).Select(t => t.Id).ToList();
        Assert.Equal(expected.Count, first.Total);
        Assert.Equal(expected.Count, second.Total);
        Assert.Equal(expected.Take(3), first.Items.Select(t => t.Id));
        Assert.Equal(expected.Skip(3).Take(3), second.Items.Select(t => t.Id));
    }

    [Fact]
    public async Task Balance_trend_covers_twelve_months_ending_with_todays_aum()
    {
        var holder = await HolderAsync();

        var trend = await Rm1GetAsync<List<MonthBalance>>($"/api/v1/customers/{holder.Customer.Id}/balance-trend");

        Assert.Equal(12, trend.Count);
        var months = Enumerable.Range(0, 12).Select(i => new DateOnly(holder.Today.Year, holder.Today.Month, 1).AddMonths(i - 11)).ToList();
        Assert.Equal(months.Select(m => (m.Year, m.Month)), trend.Select(t => (t.Year, t.Month)));
        var aum = 50_000.00m + 100_000.00m + 80_000.50m + 1_234.56m;
        Assert.Equal(aum, trend[^1].Balance);

        // Each earlier month-end is today's assets less the asset-account flows since then (card spending is not an asset flow).
        var assetAccounts = holder.Accounts.Where(a => a.Category.IsAsset()).Select(a => a.Id).ToHashSet();
        for (var i = 0; i < 11; i++)
        {
            var monthEnd = ChinaMidnightUtc(months[i].AddMonths(1));
            var flowsAfter = holder.Transactions.Where(t => assetAccounts.Contains(t.AccountId) && t.OccurredAt >= monthEnd).Sum(t => t.Amount);
            Assert.Equal(aum - flowsAfter, trend[i].Balance);
        }
    }

    [Fact]
    public async Task An_unknown_customer_has_no_360()
    {
        using var rm1 = await app.ClientForAsync("rm1");

        using var response = await rm1.GetAsync("/api/v1/customers/987654321/360");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static void AssertMatches(Holder holder, PagedResult<TransactionLine> page, Func<SeededTransaction, bool> rule)
    {
        var expected = holder.Transactions.Where(rule).OrderByDescending(t => t.OccurredAt).ThenByDescending(t => t.Id).Select(t => t.Id).ToList();
        Assert.Equal(expected, page.Items.Select(t => t.Id));
        Assert.Equal(expected.Count, page.Total);
    }

    private static DateTime ChinaMidnightUtc(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);

    private async Task<PagedResult<TransactionLine>> TransactionsAsync(Holder holder, string query, int pageSize = 50) =>
        await Rm1GetAsync<PagedResult<TransactionLine>>($"/api/v1/customers/{holder.Customer.Id}/transactions?pageSize={pageSize}&{query}");

    private async Task<T> Rm1GetAsync<T>(string url)
    {
        using var rm1 = await app.ClientForAsync("rm1");
        return await rm1.GetOkAsync<T>(url);
    }

    private Task<Holder> HolderAsync() => app.OnceAsync("360-holder", async () =>
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var input = CustomerApi.Individual("钱全景");
        var customer = await rm1.CreateAsync(input);
        return await HoldingsSeed.WriteAsync(app, input, customer);
    });
}

public sealed class Customer360TestsOnSqlite(SqliteApp app) : Customer360Tests(app), IClassFixture<SqliteApp>;

public sealed class Customer360TestsOnPostgres(PostgresApp app) : Customer360Tests(app), IClassFixture<PostgresApp>;
