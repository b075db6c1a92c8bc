using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Core.Audit;
using BankCrm.Core.Engagement.Campaigns;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Holdings;
using BankCrm.Data.Engagement.Campaigns;
using BankCrm.Data.Organization;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Integration.Tests.Engagement;

public abstract class CampaignTests(BankCrmApp app)
{
    private const string Template = "{{ customer_name }}您好，{{ offer }}，详询客户经理 {{ rm_name }} {{ rm_phone }}。";

    [Fact]
    public async Task The_maker_cannot_approve_their_own_campaign_and_an_approval_is_undone_by_an_edit()
    {
        var w = await CampaignWorld.For(app);
        var makerWhoMayApprove = await app.ClientForAsync(await DualRoleUserAsync());
        var id = await CreateAsync(makerWhoMayApprove, w, controlPercent: 10);
        await PostOkAsync(makerWhoMayApprove, $"/api/v1/campaigns/{id}/submit");

        using var own = await makerWhoMayApprove.PostAsync($"/api/v1/campaigns/{id}/approve", null);
        using var marketing = await app.ClientForAsync("marketing1");
        using var byMarketing = await marketing.PostAsync($"/api/v1/campaigns/{id}/approve", null);
        using var manager = await app.ClientForAsync("manager1");
        using var noReason = await manager.PostAsJsonAsync($"/api/v1/campaigns/{id}/reject", new { reason = " " });

        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("不能审批自己创建的营销活动", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byMarketing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True(JsonDocument.Parse(await noReason.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("reason", out _));

        var approval = JsonDocument.Parse(await manager.GetStringAsync($"/api/v1/campaigns/{id}/approval")).RootElement;
        Assert.Equal(CampaignWorld.Size, approval.GetProperty("segmentMembers").GetInt32());
        Assert.Contains("张先生您好，新客专享", approval.GetProperty("previewBody").GetString(), StringComparison.Ordinal);
        var approved = await PostOkAsync(manager, $"/api/v1/campaigns/{id}/approve");
        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        Assert.Equal("陈静", approved.GetProperty("approvedByName").GetString());

        using var edit = await makerWhoMayApprove.PutAsJsonAsync($"/api/v1/campaigns/{id}", Body(w, "改过的活动", 10));
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var edited = JsonDocument.Parse(await edit.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Draft", edited.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, edited.GetProperty("approvedBy").ValueKind);
        var audited = await app.EntriesAsync(e => e.Fields == $"campaign:{id}");
        Assert.Equal([AuditActions.CampaignSaved, AuditActions.CampaignSubmitted, AuditActions.CampaignApproved, AuditActions.CampaignSaved], audited.Select(e => e.Action));
    }

    [Fact]
    public async Task A_draft_with_bad_fields_is_400_naming_each_field_and_nothing_is_saved()
    {
        var w = await CampaignWorld.For(app);
        using var marketing = await app.ClientForAsync("marketing1");
        await using var before = app.CreateDbContext();
        var count = await before.Campaigns.CountAsync();

        using var response = await marketing.PostAsJsonAsync("/api/v1/campaigns", new
        {
            name = "", segmentId = 999_999, subject = "标题", template = "{{ id_number }}", scheduledAt = DateTimeOffset.UtcNow.AddDays(-1),
            controlPercent = 60, costPerMessage = -1m, channelStrategy = "Fax",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        foreach (var field in new[] { "name", "segmentId", "template", "scheduledAt", "controlPercent", "costPerMessage", "channelStrategy" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        Assert.Contains("0–50", errors.GetProperty("controlPercent")[0].GetString(), StringComparison.Ordinal);
        await using var after = app.CreateDbContext();
        Assert.Equal(count, await after.Campaigns.CountAsync());
    }

    [Fact]
    public async Task A_launch_interrupted_after_its_first_batch_and_run_again_enqueues_one_message_per_treatment_member_and_none_for_control()
    {
        var w = await CampaignWorld.For(app);
        var id = await ApprovedAndLaunchedAsync(w, controlPercent: 20);
        var launcher = app.Services.GetRequiredService<CampaignLauncher>();

        using var interrupt = new CancellationTokenSource();
        var interrupted = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => launcher.SendAsync(id, interrupt.Token, batchSize: 500, progress: new CancelOnFirstReport(interrupt)));
        Assert.Equal(interrupt.Token, interrupted.CancellationToken);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(500, await db.CampaignMembers.CountAsync(m => m.CampaignId == id));
        }

        await launcher.SendAsync(id, CancellationToken.None, batchSize: 500);
        await launcher.SendAsync(id, CancellationToken.None, batchSize: 500);
        await launcher.RunDueAsync(CancellationToken.None);

        await using var check = app.CreateDbContext();
        var members = await check.CampaignMembers.Where(m => m.CampaignId == id).ToListAsync();
        var messages = await check.OutboundMessages.Where(o => o.Source == MessageSource.Campaign && o.SourceId == id).ToListAsync();
        Assert.Equal(w.CustomerIds, members.Select(m => m.CustomerId).Order());
        Assert.All(members, m => Assert.Equal(ControlGroup.IsControl(id, m.CustomerId, 20), m.IsControl));
        var treated = members.Where(m => !m.IsControl).Select(m => m.CustomerId).Order().ToList();
        Assert.InRange(members.Count(m => m.IsControl) * 100.0 / members.Count, 17.5, 22.5);
        Assert.Equal(treated, messages.Select(o => o.CustomerId).Order());
        Assert.All(messages, o => Assert.Equal($"campaign:{id}:customer:{o.CustomerId}", o.IdempotencyKey));
        Assert.All(messages, o => Assert.Equal(MessagePurpose.Marketing, o.Purpose));
        Assert.All(members.Where(m => !m.IsControl), m => Assert.Equal(messages.Single(o => o.CustomerId == m.CustomerId).Id, m.MessageId));
        Assert.Contains("新客专享 3.2% 理财", messages[0].Body, StringComparison.Ordinal);
        Assert.Equal(CampaignStatus.Completed, (await check.Campaigns.SingleAsync(c => c.Id == id)).Status);
    }

    [Fact]
    public async Task The_report_recovers_a_known_seven_point_uplift_and_its_roi()
    {
        var w = await CampaignWorld.For(app);
        var id = await ApprovedAndLaunchedAsync(w, controlPercent: 50, productId: w.ProductId, costPerMessage: 0.10m, valuePerConversion: 300m);
        await app.Services.GetRequiredService<CampaignLauncher>().SendAsync(id, CancellationToken.None);

        // Conversions with known rates, control 5% and treatment 12%: exactly that share of each group, drawn with a
        // seeded random (a fixed-size draw, so the true effect is the effect in the data and the test cannot fail by
        // the 5% chance that a correct 95% interval misses it). Noise that must not count: accounts of the product
        // opened before the launch or after the window, and accounts of another product inside it.
        var random = new Random(2026);
        await using var db = app.CreateDbContext();
        var members = await db.CampaignMembers.Where(m => m.CampaignId == id).OrderBy(m => m.CustomerId).ToListAsync();
        var launchDay = CampaignWorld.Today;
        var accounts = new List<Account>();
        int Convert(bool control, double rate)
        {
            var group = members.Where(m => m.IsControl == control).OrderBy(_ => random.Next()).ToList();
            var converters = (int)Math.Round(group.Count * rate);
            accounts.AddRange(group.Take(converters).Select(m => Account(m.CustomerId, w.ProductId, launchDay.AddDays(random.Next(0, 30)))));
            accounts.AddRange(group.Skip(converters).Take(20).Select(m => Account(m.CustomerId, w.ProductId, launchDay.AddDays(-5))));
            accounts.AddRange(group.Skip(converters + 20).Take(20).Select(m => Account(m.CustomerId, w.ProductId, launchDay.AddDays(31))));
            accounts.AddRange(group.Skip(converters + 40).Take(20).Select(m => Account(m.CustomerId, w.OtherProductId, launchDay.AddDays(3))));
            return converters;
        }

        var controlConverted = Convert(control: true, 0.05);
        var treatmentConverted = Convert(control: false, 0.12);
        db.Accounts.AddRange(accounts);
        await db.SaveChangesAsync();
        var sent = await db.OutboundMessages.Where(o => o.Source == MessageSource.Campaign && o.SourceId == id && o.CustomerId % 10 != 0)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, MessageStatus.Sent));

        using var marketing = await app.ClientForAsync("marketing1");
        var report = JsonDocument.Parse(await marketing.GetStringAsync($"/api/v1/campaigns/{id}/report")).RootElement;

        var treatment = report.GetProperty("treatment");
        var control = report.GetProperty("control");
        Assert.Equal(CampaignWorld.Size, treatment.GetProperty("members").GetInt32() + control.GetProperty("members").GetInt32());
        Assert.Equal(treatmentConverted, treatment.GetProperty("converted").GetInt32());
        Assert.Equal(controlConverted, control.GetProperty("converted").GetInt32());
        var uplift = report.GetProperty("uplift");
        var (low, high) = (uplift.GetProperty("low").GetDouble(), uplift.GetProperty("high").GetDouble());
        Assert.InRange(0.07, low, high);
        Assert.True(low > 0, $"the interval [{low:P2}, {high:P2}] should exclude 0");
        Assert.True(uplift.GetProperty("isSignificant").GetBoolean());
        Assert.InRange(uplift.GetProperty("uplift").GetDouble(), 0.065, 0.075);
        Assert.Equal(sent, report.GetProperty("funnel").GetProperty("sent").GetInt32());

        var n1 = treatment.GetProperty("members").GetInt32();
        var n2 = control.GetProperty("members").GetInt32();
        var incremental = treatmentConverted - ((decimal)controlConverted * n1 / n2);
        var cost = sent * 0.10m;
        Assert.Equal(decimal.Round(incremental, 2), report.GetProperty("incrementalConversions").GetDecimal());
        Assert.Equal(cost, report.GetProperty("messageCost").GetDecimal());
        Assert.Equal(decimal.Round(((incremental * 300m) - cost) / cost, 4), report.GetProperty("roi").GetDecimal());
    }

    private static Account Account(long customerId, int productId, DateOnly openedOn) =>
        new() { CustomerId = customerId, ProductId = productId, AccountNumber = "T" + Guid.NewGuid().ToString("N")[..15], OpenedOn = openedOn, Balance = 10_000m };

    private async Task<long> ApprovedAndLaunchedAsync(CampaignWorld w, int controlPercent, int? productId = null, decimal costPerMessage = 0.05m, decimal valuePerConversion = 100m)
    {
        using var marketing = await app.ClientForAsync("marketing1");
        using var manager = await app.ClientForAsync("manager1");
        var id = await CreateAsync(marketing, w, controlPercent, productId, costPerMessage, valuePerConversion);
        await PostOkAsync(marketing, $"/api/v1/campaigns/{id}/submit");
        await PostOkAsync(manager, $"/api/v1/campaigns/{id}/approve");
        using var launch = await marketing.PostAsync($"/api/v1/campaigns/{id}/launch", null);
        Assert.Equal(HttpStatusCode.Accepted, launch.StatusCode);
        return id;
    }

    private static object Body(CampaignWorld w, string name, int controlPercent, int? productId = null, decimal costPerMessage = 0.05m, decimal valuePerConversion = 100m) => new
    {
        name, segmentId = w.SegmentId, offer = "新客专享 3.2% 理财", productId, channelStrategy = "preferred", subject = "理财优惠", template = Template,
        scheduledAt = DateTimeOffset.UtcNow.AddHours(1), controlPercent, conversionWindowDays = 30, costPerMessage, valuePerConversion,
    };

    private static async Task<long> CreateAsync(HttpClient client, CampaignWorld w, int controlPercent, int? productId = null, decimal costPerMessage = 0.05m, decimal valuePerConversion = 100m)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/campaigns", Body(w, "理财推广" + Guid.NewGuid().ToString("N")[..4], controlPercent, productId, costPerMessage, valuePerConversion));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
    }

    private static async Task<JsonElement> PostOkAsync(HttpClient client, string url)
    {
        using var response = await client.PostAsync(url, null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>A member of staff who both builds and approves campaigns (marketing and compliance roles).</summary>
    private Task<string> DualRoleUserAsync() => app.OnceAsync("dual-role-user", async () =>
    {
        var userName = "mk" + Guid.NewGuid().ToString("N")[..8];
        using var admin = await app.ClientForAsync("admin");
        using var response = await admin.PostAsJsonAsync("/api/v1/staff", new { userName, displayName = "双角色员工", roles = new[] { "Marketing", "ComplianceOfficer" }, password = DemoStaff.Password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return userName;
    });

    private sealed class CancelOnFirstReport(CancellationTokenSource source) : IProgress<LaunchProgress>
    {
        public void Report(LaunchProgress value) => source.Cancel();
    }
}

public sealed class CampaignTestsOnSqlite(SqliteApp app) : CampaignTests(app), IClassFixture<SqliteApp>;

public sealed class CampaignTestsOnPostgres(PostgresApp app) : CampaignTests(app), IClassFixture<PostgresApp>;
