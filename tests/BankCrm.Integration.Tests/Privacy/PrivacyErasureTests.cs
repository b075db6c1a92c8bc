using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using BankCrm.Core.Audit;
using BankCrm.Core.Consent;
using BankCrm.Core.Customers;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Core.Holdings;
using BankCrm.Core.Privacy;
using BankCrm.Data.Database;
using BankCrm.Data.Engagement.Outreach;
using BankCrm.Data.Engagement.Tasks;
using BankCrm.Data.Privacy;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Integration.Tests.Privacy;

/// <summary>Erasure (PIPL Art. 47): what may go goes, what the AML law keeps stays, all in one transaction, audited.</summary>
public abstract class PrivacyErasureTests(BankCrmApp app)
{
    [Fact]
    public async Task A_customer_with_open_accounts_loses_contacts_and_profiling_but_keeps_identity_and_transactions()
    {
        var (input, customer) = await CustomerWithDataAsync("删除保留", AccountStatus.Active, lastDaysAgo: 1);
        using var compliance = await app.ClientForAsync("compliance1");
        var request = await compliance.CreateRequestAsync(customer.Id, "Erasure");

        var plan = await compliance.GetOkAsync<ErasurePlan>($"/api/v1/privacy/requests/{request.Id}/erasure-plan");
        using var response = await compliance.PostAsync($"/api/v1/privacy/requests/{request.Id}/erasure", content: null);

        Assert.Equal(ErasureMode.Restricted, plan.Mode);
        Assert.Contains(plan.Retained, r => r.Code == "transactions" && r.Reason!.Contains("反洗钱法", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.CreateDbContext();
        var row = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == customer.Id);
        Assert.Equal("删除保留", row.Name);
        Assert.Equal(input.IdNumber, row.IdNumber);
        Assert.Equal(input.Mobile, row.Mobile);
        Assert.Null(row.Email);
        Assert.Null(row.City);
        Assert.False(await db.ContactPoints.AnyAsync(c => c.CustomerId == customer.Id));
        Assert.Equal(Customer.Erased, (await db.Interactions.SingleAsync(i => i.CustomerId == customer.Id)).Summary);
        Assert.Equal(3, await db.Transactions.CountAsync(t => t.CustomerId == customer.Id));
        var consents = await db.ConsentRecords.AsNoTracking().Where(r => r.CustomerId == customer.Id).ToListAsync();
        Assert.False(ConsentPolicy.MayContact(consents, ConsentPurpose.Marketing, ContactChannel.Sms, TimeProvider.System.GetUtcNow().UtcDateTime));
        Assert.Equal(2, consents.Count);
        Assert.DoesNotContain(await db.CustomerChanges.Where(c => c.CustomerId == customer.Id).ToListAsync(), c => c.NewValue == input.Email || c.OldValue == input.Email);
        var detail = await compliance.GetOkAsync<RequestDetail>($"/api/v1/privacy/requests/{request.Id}");
        Assert.Equal(RequestStatus.Completed, detail.Status);
        Assert.Contains("反洗钱法", detail.Outcome, StringComparison.Ordinal);
        Assert.Single(await app.EntriesAsync(e => e.Action == AuditActions.PrivacyErasureExecuted && e.CustomerId == customer.Id));
    }

    [Fact]
    public async Task A_customer_whose_retention_period_has_passed_is_anonymised()
    {
        var (input, customer) = await CustomerWithDataAsync("删除匿名", AccountStatus.Closed, lastDaysAgo: 7 * 366);
        using var compliance = await app.ClientForAsync("compliance1");
        var request = await compliance.CreateRequestAsync(customer.Id, "Erasure");

        using var response = await compliance.PostAsync($"/api/v1/privacy/requests/{request.Id}/erasure", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.CreateDbContext();
        var row = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == customer.Id);
        Assert.Equal($"已删除客户 #{customer.Id}", row.Name);
        Assert.Null(row.IdNumber);
        Assert.Null(row.Mobile);
        Assert.Null(row.BirthDate);
        Assert.Null(row.Email);
        Assert.Equal(3, await db.Transactions.CountAsync(t => t.CustomerId == customer.Id));
        var history = await db.CustomerChanges.AsNoTracking().Where(c => c.CustomerId == customer.Id).ToListAsync();
        Assert.DoesNotContain(history, c => c.OldValue == "删除匿名" || c.NewValue == "删除匿名" || c.OldValue == input.IdNumber || c.OldValue == input.Mobile);
        var entry = Assert.Single(await app.EntriesAsync(e => e.Action == AuditActions.PrivacyErasureExecuted && e.CustomerId == customer.Id));
        Assert.Contains("Full", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_erasure_that_fails_midway_changes_nothing()
    {
        var (input, customer) = await CustomerWithDataAsync("删除回滚", AccountStatus.Active, lastDaysAgo: 1);
        using var compliance = await app.ClientForAsync("compliance1");
        var request = await compliance.CreateRequestAsync(customer.Id, "Erasure");
        await using (var db = app.CreateDbContext())
        {
            // The customer row is written last, after contacts, interactions and consents: a refusal there must undo all of them.
            await FailUpdatesOfAsync(db, customer.Id);
        }

        HttpResponseMessage response;
        try
        {
            response = await compliance.PostAsync($"/api/v1/privacy/requests/{request.Id}/erasure", content: null);
        }
        finally
        {
            await using var db = app.CreateDbContext();
            await DropFailureAsync(db);
        }

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("未做任何更改", (await response.ProblemAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
        response.Dispose();
        await using var check = app.CreateDbContext();
        var row = await check.Customers.AsNoTracking().SingleAsync(c => c.Id == customer.Id);
        Assert.Equal(input.Email, row.Email);
        Assert.True(await check.ContactPoints.AnyAsync(c => c.CustomerId == customer.Id));
        Assert.NotEqual(Customer.Erased, (await check.Interactions.SingleAsync(i => i.CustomerId == customer.Id)).Summary);
        Assert.Equal(1, await check.ConsentRecords.CountAsync(r => r.CustomerId == customer.Id));
        Assert.Equal(RequestStatus.Received, (await check.PrivacyRequests.AsNoTracking().SingleAsync(r => r.Id == request.Id)).Status);
        Assert.Empty(await app.EntriesAsync(e => e.Action == AuditActions.PrivacyErasureExecuted && e.CustomerId == customer.Id));
    }

    [Fact]
    public async Task An_erasure_stops_what_was_still_to_be_sent_or_done_and_removes_the_engagement_texts()
    {
        var (_, customer) = await CustomerWithDataAsync("删除触达", AccountStatus.Active, lastDaysAgo: 1);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        long pending, sent, task, enrolment;
        await using (var db = app.CreateDbContext())
        {
            OutboundRequest Message(string key) => new(key, customer.Id, ContactChannel.Sms, MessagePurpose.Marketing, MessageSource.Manual, null, "理财优惠", "删除触达您好，专属理财", now, "test");
            pending = await OutboxWriter.EnqueueAsync(db, Message($"erasure:{customer.Id}:pending"), now, CancellationToken.None);
            sent = await OutboxWriter.EnqueueAsync(db, Message($"erasure:{customer.Id}:sent"), now, CancellationToken.None);
            await db.OutboundMessages.Where(m => m.Id == sent).ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, MessageStatus.Sent));
            db.DeliveredMessages.Add(new DeliveredMessage { OutboundMessageId = sent, CustomerId = customer.Id, Channel = ContactChannel.Sms, MaskedRecipient = "139****0000", Subject = "理财优惠", Body = "删除触达您好，专属理财", DeliveredAt = now, DeliveredBy = "test" });
            db.ChannelPreferences.Add(new ChannelPreference { CustomerId = customer.Id, Channel = ContactChannel.Sms, Score = 90, Source = PreferenceSource.Staff, UpdatedAt = now });
            var playbook = await db.Playbooks.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var journey = db.Enrolments.Add(new Enrolment { PlaybookId = playbook, CustomerId = customer.Id, OccurrenceKey = "erasure-test", NextStepAt = now, EnrolledAt = now, PrescreenAnswers = "{\"items\":[{\"question\":\"留学国家\",\"answer\":\"英国\"}]}" }).Entity;
            await db.SaveChangesAsync();
            enrolment = journey.Id;
            task = await TaskWriter.CreateAsync(db, new NewTask(customer.Id, "回访", "删除触达的资产下降 35%", TaskSource.Manual, null, TaskUrgency.High, now.AddDays(1), "test"), now, CancellationToken.None);
        }

        using var compliance = await app.ClientForAsync("compliance1");
        var request = await compliance.CreateRequestAsync(customer.Id, "Erasure");
        using var response = await compliance.PostAsync($"/api/v1/privacy/requests/{request.Id}/erasure", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var after = app.CreateDbContext();
        var stopped = await after.OutboundMessages.AsNoTracking().SingleAsync(m => m.Id == pending);
        Assert.Equal((MessageStatus.Blocked, Customer.Erased), (stopped.Status, stopped.Body));
        Assert.Equal(MessageStatus.Sent, (await after.OutboundMessages.AsNoTracking().SingleAsync(m => m.Id == sent)).Status);
        var delivered = await after.DeliveredMessages.AsNoTracking().SingleAsync(d => d.OutboundMessageId == sent);
        Assert.Equal((Customer.Erased, Customer.Erased), (delivered.Body, delivered.MaskedRecipient));
        Assert.False(await after.ChannelPreferences.AnyAsync(p => p.CustomerId == customer.Id));
        var journeyAfter = await after.Enrolments.AsNoTracking().SingleAsync(e => e.Id == enrolment);
        Assert.Equal((EnrolmentStatus.Exited, (string?)null), (journeyAfter.Status, journeyAfter.PrescreenAnswers));
        var taskAfter = await after.WorkTasks.AsNoTracking().SingleAsync(t => t.Id == task);
        Assert.Equal((WorkTaskStatus.Cancelled, Customer.Erased), (taskAfter.Status, taskAfter.Reason));
    }

    [Theory]
    [InlineData("agent1")]
    [InlineData("rm1")]
    public async Task Only_compliance_executes_an_erasure(string user)
    {
        var (_, customer) = await CustomerWithDataAsync("删除无权" + user, AccountStatus.Active, lastDaysAgo: 1);
        using var client = await app.ClientForAsync(user);
        var request = await client.CreateRequestAsync(customer.Id, "Erasure");

        using var response = await client.PostAsync($"/api/v1/privacy/requests/{request.Id}/erasure", content: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.True(await db.ContactPoints.AnyAsync(c => c.CustomerId == customer.Id));
    }

    private async Task<(CustomerInput Input, Web.Customers.CustomerResponse Customer)> CustomerWithDataAsync(string name, AccountStatus status, int lastDaysAgo)
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var input = CustomerApi.Individual(name) with { Email = $"c{CustomerApi.NextMobile()}@example.com", City = "上海市" };
        var customer = await rm1.CreateAsync(input);
        await PrivacySeed.AccountAsync(app, customer.Id, status, transactions: 3, lastDaysAgo);
        await PrivacySeed.ContactsAndInteractionAsync(app, customer.Id);
        using var consent = await rm1.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/consents", new { purpose = "Marketing", channel = "Sms", granted = true, source = "Branch" }, CustomerApi.Json);
        Assert.Equal(HttpStatusCode.Created, consent.StatusCode);
        return (input, customer);
    }

    private async Task FailUpdatesOfAsync(CrmDbContext db, long customerId)
    {
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            // DDL takes no parameters; the id is a number we made.
            var sqlite = string.Create(CultureInfo.InvariantCulture, $"CREATE TRIGGER privacy_test_fail BEFORE UPDATE ON customers WHEN OLD.id = {customerId} BEGIN SELECT RAISE(ABORT, 'forced failure for the test'); END;");
            await db.Database.ExecuteSqlRawAsync(sqlite);
            return;
        }

        await db.Database.ExecuteSqlRawAsync("CREATE OR REPLACE FUNCTION privacy_test_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'forced failure for the test'; END $$ LANGUAGE plpgsql;");
        var postgres = string.Create(CultureInfo.InvariantCulture, $"CREATE TRIGGER privacy_test_fail BEFORE UPDATE ON customers FOR EACH ROW WHEN (OLD.id = {customerId}) EXECUTE FUNCTION privacy_test_fail();");
        await db.Database.ExecuteSqlRawAsync(postgres);
    }

    private async Task DropFailureAsync(CrmDbContext db) =>
        await db.Database.ExecuteSqlRawAsync(app.Provider == DatabaseProvider.Sqlite ? "DROP TRIGGER IF EXISTS privacy_test_fail" : "DROP TRIGGER IF EXISTS privacy_test_fail ON customers");
}

public sealed class PrivacyErasureTestsOnSqlite(SqliteApp app) : PrivacyErasureTests(app), IClassFixture<SqliteApp>;

public sealed class PrivacyErasureTestsOnPostgres(PostgresApp app) : PrivacyErasureTests(app), IClassFixture<PostgresApp>;
