using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Core.Consent;
using BankCrm.Core.Customers;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Core.Holdings;
using BankCrm.Data.Organization;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Integration.Tests.Engagement;

/// <summary>
/// The trigger kinds the shipped-playbook journeys do not reach (mortgage anniversary, loan maturity, birthday, holiday,
/// segment entry, recurring), each evaluated set-based against customers built to fire it and customers built not to.
/// Every playbook here is limited to a city of its own, so the whole set of its enrolments can be compared.
/// </summary>
public abstract partial class PlaybookTests
{
    [Fact]
    public async Task A_mortgage_whose_six_month_anniversary_fell_in_the_last_thirty_days_enrols_its_holder_once()
    {
        var place = NewCity();
        var today = world.Today;
        var due = await PersonAsync(place, "房贷满期", null);
        var dueAccount = await AccountAsync(due, ProductCategory.Mortgage, openedOn: today.AddMonths(-6).AddDays(-3));
        var early = await PersonAsync(place, "房贷未满", null);
        await AccountAsync(early, ProductCategory.Mortgage, openedOn: today.AddMonths(-6).AddDays(1));
        var stale = await PersonAsync(place, "房贷过期", null);
        await AccountAsync(stale, ProductCategory.Mortgage, openedOn: today.AddMonths(-6).AddDays(-MortgageGraceDays));
        var closed = await PersonAsync(place, "房贷已结清", null);
        await AccountAsync(closed, ProductCategory.Mortgage, openedOn: today.AddMonths(-6), status: AccountStatus.Closed);
        var consumer = await PersonAsync(place, "消费贷", null);
        await AccountAsync(consumer, ProductCategory.ConsumerLoan, openedOn: today.AddMonths(-6));
        var playbook = await PlaybookAsync(place, new { kind = "MortgageRepaidMonths", months = 6 });

        await world.Evaluator.EvaluateAsync(world.Now, CancellationToken.None);
        await world.Evaluator.EvaluateAsync(world.Now.AddMinutes(5), CancellationToken.None);

        Assert.Equal([(due, OccurrenceKeys.MortgageRepaid(dueAccount, 6))], await EnrolledAsync(playbook));
    }

    [Fact]
    public async Task A_renewable_loan_maturing_within_thirty_days_enrols_its_holder_and_a_mortgage_or_a_later_loan_does_not()
    {
        var place = NewCity();
        var today = world.Today;
        var consumer = await PersonAsync(place, "消费贷到期", null);
        var consumerLoan = await AccountAsync(consumer, ProductCategory.ConsumerLoan, today.AddYears(-1), maturesOn: today.AddDays(10));
        var corporate = await PersonAsync(place, "对公贷到期", null);
        var corporateLoan = await AccountAsync(corporate, ProductCategory.CorporateLoan, today.AddYears(-1), maturesOn: today.AddDays(30));
        var later = await PersonAsync(place, "贷款未到期", null);
        await AccountAsync(later, ProductCategory.ConsumerLoan, today.AddYears(-1), maturesOn: today.AddDays(31));
        var matured = await PersonAsync(place, "贷款已到期", null);
        await AccountAsync(matured, ProductCategory.ConsumerLoan, today.AddYears(-1), maturesOn: today.AddDays(-1));
        var mortgage = await PersonAsync(place, "房贷到期", null);
        await AccountAsync(mortgage, ProductCategory.Mortgage, today.AddYears(-20), maturesOn: today.AddDays(10));
        var closed = await PersonAsync(place, "贷款已结清", null);
        await AccountAsync(closed, ProductCategory.ConsumerLoan, today.AddYears(-1), maturesOn: today.AddDays(10), status: AccountStatus.Closed);
        var playbook = await PlaybookAsync(place, new { kind = "LoanMaturityInDays", days = 30 });

        await world.Evaluator.EvaluateAsync(world.Now, CancellationToken.None);
        await world.Evaluator.EvaluateAsync(world.Now.AddMinutes(5), CancellationToken.None);

        Assert.Equal(
            [(consumer, OccurrenceKeys.LoanMaturity(consumerLoan, today.AddDays(10))), (corporate, OccurrenceKeys.LoanMaturity(corporateLoan, today.AddDays(30)))],
            await EnrolledAsync(playbook));
    }

    [Fact]
    public async Task A_customer_whose_birthday_is_today_in_China_is_enrolled_once_this_year()
    {
        var place = NewCity();
        var today = world.Today;
        var birthday = await PersonAsync(place, "今日生日", today.AddYears(-40));
        await PersonAsync(place, "明日生日", today.AddYears(-40).AddDays(1));
        await PersonAsync(place, "昨日生日", today.AddYears(-40).AddDays(-1));
        await PersonAsync(place, "生日不详", null);
        var playbook = await PlaybookAsync(place, new { kind = "Birthday" });

        await world.Evaluator.EvaluateAsync(world.Now, CancellationToken.None);
        await world.Evaluator.EvaluateAsync(world.Now.AddMinutes(5), CancellationToken.None);

        Assert.Equal([(birthday, OccurrenceKeys.Birthday(today.Year))], await EnrolledAsync(playbook));
    }

    [Fact]
    public async Task A_holiday_playbook_enrols_its_customers_on_a_listed_date_and_nobody_on_another_day()
    {
        var place = NewCity();
        var today = world.Today;
        var first = await PersonAsync(place, "节日甲", null);
        var second = await PersonAsync(place, "节日乙", null);
        var holiday = await PlaybookAsync(place, new { kind = "Holiday", holidayDates = new[] { Day(today.AddDays(-7)), Day(today) } });
        var notToday = await PlaybookAsync(place, new { kind = "Holiday", holidayDates = new[] { Day(today.AddDays(1)), Day(today.AddDays(-1)) } });

        await world.Evaluator.EvaluateAsync(world.Now, CancellationToken.None);
        await world.Evaluator.EvaluateAsync(world.Now.AddMinutes(5), CancellationToken.None);

        var key = OccurrenceKeys.Holiday(today);
        Assert.Equal([(first, key), (second, key)], await EnrolledAsync(holiday));
        Assert.Empty(await EnrolledAsync(notToday));
    }

    [Fact]
    public async Task Customers_in_a_segment_are_enrolled_once_and_customers_outside_it_are_not()
    {
        var place = NewCity();
        var today = world.Today;
        var senior = await PersonAsync(place, "客群长者", today.AddYears(-65));
        await PersonAsync(place, "客群青年", today.AddYears(-30));
        using var marketing = await app.ClientForAsync("marketing1");
        using var created = await marketing.PostAsJsonAsync("/api/v1/segments", new { name = "触发测试长者" + place[^6..], description = "测试", rule = CityRule(place, new { field = "age", @operator = "Ge", value = 60 }) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var segmentId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var playbook = await PlaybookAsync(conditionsCity: null, new { kind = "SegmentEntry", segmentId });

        await world.Evaluator.EvaluateAsync(world.Now, CancellationToken.None);
        await world.Evaluator.EvaluateAsync(world.Now.AddMinutes(5), CancellationToken.None);

        Assert.Equal([(senior, OccurrenceKeys.SegmentEntry(segmentId))], await EnrolledAsync(playbook));
    }

    [Fact]
    public async Task A_monthly_playbook_enrols_the_customers_its_conditions_admit_once_a_month()
    {
        var place = NewCity();
        var today = world.Today;
        var senior = await PersonAsync(place, "每月长者", today.AddYears(-70));
        await PersonAsync(place, "每月青年", today.AddYears(-25));
        var playbook = await PlaybookAsync(place, new { kind = "Recurring", every = "monthly" }, new { field = "age", @operator = "Ge", value = 60 });

        await world.Evaluator.EvaluateAsync(world.Now, CancellationToken.None);
        await world.Evaluator.EvaluateAsync(world.Now.AddMinutes(5), CancellationToken.None);

        Assert.Equal([(senior, OccurrenceKeys.Recurring(PlaybookVocabulary.Monthly, today))], await EnrolledAsync(playbook));
    }

    /// <summary>TriggerQueries.AnniversaryGraceDays: an anniversary is looked for this many days back.</summary>
    private const int MortgageGraceDays = 30;

    private static string NewCity() => "触发测试市" + Guid.NewGuid().ToString("N")[..8];

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static object CityRule(string city, params object[] more) => new
    {
        combine = "And",
        groups = new[] { new { combine = "And", conditions = new object[] { new { field = "city", @operator = "Eq", value = city } }.Concat(more).ToArray() } },
    };

    /// <summary>An individual customer of rm1 in <paramref name="city"/>, written as the archive stores one.</summary>
    private async Task<long> PersonAsync(string city, string name, DateOnly? born)
    {
        await using var db = app.CreateDbContext();
        var rm1 = await db.Users.Where(u => u.UserName == "rm1").Select(u => u.Id).SingleAsync();
        var customer = Customer.Create("T" + Guid.NewGuid().ToString("N")[..11], new CustomerProfile { Name = name, BirthDate = born, Province = "测试省", City = city }, DemoStaff.HomeBranchId, rm1, world.Now);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();

        // Signed at account opening (seed 003 授权同意), so the triggers that read profiling signals may use them.
        db.ConsentRecords.Add(ConsentRecord.Grant(customer.Id, ConsentPurpose.Profiling, null, ConsentSource.Branch, world.Now.AddDays(-400), "test", null));
        await db.SaveChangesAsync();
        return customer.Id;
    }

    private async Task<long> AccountAsync(long customerId, ProductCategory category, DateOnly openedOn, DateOnly? maturesOn = null, AccountStatus status = AccountStatus.Active)
    {
        await using var db = app.CreateDbContext();
        var product = await db.Products.Where(p => p.Category == category).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var account = new Account
        {
            CustomerId = customerId, ProductId = product, AccountNumber = "T" + Guid.NewGuid().ToString("N")[..15], Balance = 100_000m,
            OpenedOn = openedOn, MaturesOn = maturesOn, Status = status,
        };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return account.Id;
    }

    /// <summary>An enabled playbook, created and enabled by marketing through the API, limited to <paramref name="conditionsCity"/>.</summary>
    private async Task<long> PlaybookAsync(string? conditionsCity, object trigger, params object[] conditions)
    {
        using var marketing = await app.ClientForAsync("marketing1");
        using var created = await marketing.PostAsJsonAsync("/api/v1/playbooks", new
        {
            name = "触发测试" + Guid.NewGuid().ToString("N")[..6],
            description = "触发条件测试",
            trigger,
            conditions = conditionsCity is null ? null : CityRule(conditionsCity, conditions),
            steps = new object[] { new { kind = "CreateTask", taskTitle = "触发测试回访", urgency = "Low", dueInDays = 2 } },
            exitRules = new { maxDays = 3 },
        });
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"POST /api/v1/playbooks answered {(int)created.StatusCode}: {body}");
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
        using var enabled = await marketing.PostAsync($"/api/v1/playbooks/{id}/enable", null);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        return id;
    }

    private async Task<List<(long CustomerId, string OccurrenceKey)>> EnrolledAsync(long playbookId)
    {
        await using var db = app.CreateDbContext();
        var rows = await db.Enrolments.AsNoTracking().Where(e => e.PlaybookId == playbookId).OrderBy(e => e.CustomerId)
            .Select(e => new { e.CustomerId, e.OccurrenceKey }).ToListAsync();
        return [.. rows.Select(r => (r.CustomerId, r.OccurrenceKey))];
    }
}
