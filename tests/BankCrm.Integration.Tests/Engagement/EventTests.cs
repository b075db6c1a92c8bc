using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Core.Engagement;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Data.Organization;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Consent;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Integration.Tests.Engagement;

public abstract class EventTests(BankCrmApp app)
{
    [Fact]
    public async Task A_salon_invites_a_segment_once_checks_guests_in_within_capacity_and_creates_one_follow_up_each()
    {
        // Five customers of a city: three in manager1's branch (one on the do-not-contact list), two in another branch.
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var city = "沙龙测试市" + Guid.NewGuid().ToString("N")[..6];
        await using var db = app.CreateDbContext();
        var rm1 = await db.Users.Where(u => u.UserName == "rm1").Select(u => u.Id).SingleAsync();
        Customer Person(string name, int branch) => Customer.Create("E" + Guid.NewGuid().ToString("N")[..11],
            new CustomerProfile { Name = name, Gender = Gender.Female, Province = "测试省", City = city }, branch, rm1, now);
        var otherBranch = await db.Branches.Where(b => b.Id != DemoStaff.HomeBranchId).Select(b => b.Id).FirstAsync();
        var (a, b, c, d, e) = (Person("赵女士", DemoStaff.HomeBranchId), Person("钱女士", DemoStaff.HomeBranchId), Person("孙女士", DemoStaff.HomeBranchId),
            Person("李女士", otherBranch), Person("周女士", otherBranch));
        db.Customers.AddRange(a, b, c, d, e);
        await db.SaveChangesAsync();
        await ProfilingConsents.GrantAsync(db, [a.Id, b.Id, c.Id, d.Id, e.Id]);
        db.SuppressionEntries.Add(new SuppressionEntry { CustomerId = c.Id, Reason = "客户投诉，勿扰", AddedAt = now, AddedBy = "test" });
        await db.SaveChangesAsync();
        var segmentId = await CampaignWorld.SaveSegmentAsync(app, "manager1", "沙龙邀请客群", city);
        using var manager = await app.ClientForAsync("manager1");

        using var created = await manager.PostAsJsonAsync("/api/v1/events", new
        {
            title = "家族信托与全球化资产配置", description = "闭门沙龙", startsAt = DateTimeOffset.UtcNow.AddMinutes(90), location = "陆家嘴支行三楼", capacity = 1,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        var invited = await PostAsync(manager, $"/api/v1/events/{id}/invitations", new { segmentId });
        var again = await PostAsync(manager, $"/api/v1/events/{id}/invitations", new { segmentId });
        Assert.Equal((2, 1), (invited.GetProperty("invited").GetInt32(), invited.GetProperty("skipped").GetInt32()));
        Assert.Equal((0, 3), (again.GetProperty("invited").GetInt32(), again.GetProperty("skipped").GetInt32()));
        await using (var check = app.CreateDbContext())
        {
            var keys = await check.OutboundMessages.Where(o => o.Source == MessageSource.Event && o.SourceId == id).Select(o => o.IdempotencyKey).ToListAsync();
            Assert.Equal(new[] { $"event:{id}:customer:{a.Id}", $"event:{id}:customer:{b.Id}" }.Order(), keys.Order());
        }

        var attendees = JsonDocument.Parse(await manager.GetStringAsync($"/api/v1/events/{id}/attendees")).RootElement;
        Assert.Equal(2, attendees.GetProperty("total").GetInt32());
        Assert.All(attendees.GetProperty("items").EnumerateArray(), x => Assert.EndsWith("*", x.GetProperty("maskedName").GetString(), StringComparison.Ordinal));

        using var registered = await MoveAsync(manager, id, a.Id, "Registered");
        using var full = await MoveAsync(manager, id, b.Id, "Registered");
        using var checkedIn = await MoveAsync(manager, id, a.Id, "Attended");
        using var outOfScope = await MoveAsync(manager, id, d.Id, "Registered");
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Contains("活动已满（1 个名额）", await full.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, checkedIn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
        Assert.Single(await app.EntriesAsync(x => x.Action == AuditActions.CustomerAccessDenied && x.CustomerId == d.Id));

        var first = await PostAsync(manager, $"/api/v1/events/{id}/follow-ups", new { });
        var second = await PostAsync(manager, $"/api/v1/events/{id}/follow-ups", new { });
        Assert.Equal(1, first.GetProperty("created").GetInt32());
        Assert.Equal(0, second.GetProperty("created").GetInt32());
        await using var after = app.CreateDbContext();
        var task = await after.WorkTasks.SingleAsync(t => t.SourceKey == $"event:{id}:followup:{a.Id}");
        Assert.Equal((TaskSource.Event, rm1), (task.Source, task.OwnerId));
        Assert.Equal(task.Id, (await after.EventAttendees.SingleAsync(x => x.EventId == id && x.CustomerId == a.Id)).FollowUpTaskId);
        var salon = await after.Interactions.SingleAsync(i => i.EventId == id);
        Assert.Equal((a.Id, InteractionChannel.Salon), (salon.CustomerId, salon.Channel));
    }

    [Fact]
    public async Task An_event_with_bad_fields_is_400_naming_each_field_and_a_teller_is_403()
    {
        using var manager = await app.ClientForAsync("manager1");
        using var teller = await app.ClientForAsync("teller1");

        using var bad = await manager.PostAsJsonAsync("/api/v1/events", new { title = "", startsAt = DateTimeOffset.UtcNow.AddDays(-1), location = "", capacity = 0 });
        using var denied = await teller.GetAsync("/api/v1/events");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["title", "location", "capacity", "startsAt"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, long eventId, long customerId, string status) =>
        client.PostAsJsonAsync($"/api/v1/events/{eventId}/attendees/{customerId}/status", new { status });

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}

public sealed class EventTestsOnSqlite(SqliteApp app) : EventTests(app), IClassFixture<SqliteApp>;

public sealed class EventTestsOnPostgres(PostgresApp app) : EventTests(app), IClassFixture<PostgresApp>;
