using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Core.Consent;
using BankCrm.Core.Customers;
using BankCrm.Core.Engagement.Campaigns;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Data.Organization;
using BankCrm.Integration.Tests.Consent;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Integration.Tests.Engagement;

/// <summary>
/// Issue 5: killing the app in the middle of a campaign send and starting two nodes afterwards sends every message
/// exactly once, counted in the development sink. Real processes on one PostgreSQL database (SQLite is single-node),
/// the first killed with SIGKILL while it sends; the in-process test app only sets the campaign up (its scheduler is off).
/// </summary>
public sealed class CampaignCrashTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private const int Customers = 1_500;

    private static readonly Dictionary<string, string> FastNode = new(StringComparer.Ordinal)
    {
        ["Scheduler:CheckinSeconds"] = "2",
        ["Campaigns:SendEverySeconds"] = "1",
        ["Outreach:DispatchSeconds"] = "1",
        ["Outreach:LeaseSeconds"] = "15",

        // The test must not depend on the hour it runs at or on the bank's contact limits: no quiet hours, a high cap.
        ["Outreach:QuietHours:Start"] = "00:00",
        ["Outreach:QuietHours:End"] = "00:00",
        ["Outreach:MarketingCaps"] = "100/7",
    };

    [Fact]
    public async Task A_node_killed_mid_send_and_two_new_nodes_deliver_every_campaign_message_exactly_once()
    {
        var campaignId = await LaunchedCampaignAsync();

        long deliveredWhenKilled;
        int killedPid;
        await using (var first = AppNode.Start(app, "node-a", FastNode))
        {
            killedPid = first.ProcessId;
            deliveredWhenKilled = await WaitForAsync(async () => await DeliveredAsync(campaignId) is var n && n >= 100 ? n : (long?)null, TimeSpan.FromMinutes(4), first);
            first.Kill();
        }

        var treatment = await ScalarAsync($"SELECT count(*) FROM campaign_members WHERE campaign_id = {campaignId} AND NOT is_control");
        Assert.True(deliveredWhenKilled < treatment, $"node-a delivered all {treatment} messages before it was killed: the test proves nothing, make the campaign larger");

        await using var second = AppNode.Start(app, "node-b", FastNode);
        await using var third = AppNode.Start(app, "node-c", FastNode);
        await WaitForAsync(
            async () => await ScalarAsync($"SELECT count(*) FROM campaigns WHERE id = {campaignId} AND status = {(int)CampaignStatus.Completed}") == 1
                && await ScalarAsync($"SELECT count(*) FROM outbound_messages WHERE source = {(int)MessageSource.Campaign} AND source_id = {campaignId} AND status IN ({(int)MessageStatus.Pending}, {(int)MessageStatus.Sending})") == 0
                ? true : (bool?)null,
            TimeSpan.FromMinutes(5),
            second,
            third);

        var members = await ScalarAsync($"SELECT count(*) FROM campaign_members WHERE campaign_id = {campaignId}");
        var treatmentMembers = await ScalarAsync($"SELECT count(*) FROM campaign_members WHERE campaign_id = {campaignId} AND NOT is_control");
        var messages = await ScalarAsync($"SELECT count(*) FROM outbound_messages WHERE source = {(int)MessageSource.Campaign} AND source_id = {campaignId}");
        var sent = await ScalarAsync($"SELECT count(*) FROM outbound_messages WHERE source = {(int)MessageSource.Campaign} AND source_id = {campaignId} AND status = {(int)MessageStatus.Sent}");
        var deliveries = await DeliveredAsync(campaignId);
        var distinctDelivered = await ScalarAsync(
            $"SELECT count(DISTINCT d.outbound_message_id) FROM delivered_messages d JOIN outbound_messages m ON m.id = d.outbound_message_id WHERE m.source = {(int)MessageSource.Campaign} AND m.source_id = {campaignId}");
        var customersMessagedTwice = await ScalarAsync(
            $"SELECT count(*) FROM (SELECT customer_id FROM outbound_messages WHERE source = {(int)MessageSource.Campaign} AND source_id = {campaignId} GROUP BY customer_id HAVING count(*) > 1) twice");
        var controlMessaged = await ScalarAsync(
            $"SELECT count(*) FROM outbound_messages m JOIN campaign_members c ON c.campaign_id = {campaignId} AND c.customer_id = m.customer_id WHERE m.source = {(int)MessageSource.Campaign} AND m.source_id = {campaignId} AND c.is_control");

        Assert.Equal(Customers, members);
        Assert.Equal(treatmentMembers, messages);
        Assert.Equal(treatmentMembers, sent);
        Assert.Equal(treatmentMembers, deliveries);
        Assert.Equal(deliveries, distinctDelivered);
        Assert.Equal(0, customersMessagedTwice);
        Assert.Equal(0, controlMessaged);

        // Node a delivered until it died; the survivors delivered the rest, and nobody else delivered anything.
        var byNode = await DeliveriesByNodeAsync(campaignId);
        long By(int pid) => byNode.Where(p => p.Key.EndsWith($":{pid}", StringComparison.Ordinal)).Sum(p => p.Value);
        var (byA, byB, byC) = (By(killedPid), By(second.ProcessId), By(third.ProcessId));
        Assert.True(byA >= deliveredWhenKilled, $"deliveries by node: {string.Join(", ", byNode)}");
        Assert.True(byB + byC > 0, $"deliveries by node: {string.Join(", ", byNode)}");
        Assert.Equal(deliveries, byA + byB + byC);
    }

    private async Task<long> LaunchedCampaignAsync()
    {
        var city = "集群测试市" + Guid.NewGuid().ToString("N")[..6];
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await using (var db = app.CreateDbContext())
        {
            var customers = Enumerable.Range(0, Customers).Select(i => Customer.Create(
                "Z" + Guid.NewGuid().ToString("N")[..11],
                new CustomerProfile
                {
                    Name = $"集群客户{i:D4}", Gender = i % 2 == 0 ? Gender.Male : Gender.Female, Province = "测试省", City = city,
                    Mobile = "139" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture),
                },
                DemoStaff.HomeBranchId, null, now)).ToList();
            db.Customers.AddRange(customers);
            await db.SaveChangesAsync();
            db.ConsentRecords.AddRange(customers.Select(c => ConsentRecord.Grant(c.Id, ConsentPurpose.Marketing, ContactChannel.Sms, ConsentSource.Branch, now.AddDays(-1), "test", null)));
            await db.SaveChangesAsync();
            await ProfilingConsents.GrantAsync(db, customers.Select(c => c.Id), now.AddDays(-1));
        }

        var segmentId = await CampaignWorld.SaveSegmentAsync(app, "marketing1", "集群测试客群", city);
        using var marketing = await app.ClientForAsync("marketing1");
        using var manager = await app.ClientForAsync("manager1");
        using var created = await marketing.PostAsJsonAsync("/api/v1/campaigns", new
        {
            name = "集群发送测试", segmentId, offer = "新客专享 3.2% 理财", channelStrategy = "Sms", subject = "理财优惠",
            template = "{{ customer_name }}您好，{{ offer }}，详询{{ rm_name }}。", scheduledAt = DateTimeOffset.UtcNow.AddMinutes(1),
            controlPercent = 10, conversionWindowDays = 30, costPerMessage = 0.05m, valuePerConversion = 100m,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        foreach (var (client, action) in new[] { (marketing, "submit"), (manager, "approve") })
        {
            using var response = await client.PostAsync($"/api/v1/campaigns/{id}/{action}", null);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {await response.Content.ReadAsStringAsync()}");
        }

        using var launch = await marketing.PostAsync($"/api/v1/campaigns/{id}/launch", null);
        Assert.Equal(HttpStatusCode.Accepted, launch.StatusCode);
        return id;
    }

    private Task<long> DeliveredAsync(long campaignId) => ScalarAsync(
        $"SELECT count(*) FROM delivered_messages d JOIN outbound_messages m ON m.id = d.outbound_message_id WHERE m.source = {(int)MessageSource.Campaign} AND m.source_id = {campaignId}");

    private async Task<Dictionary<string, long>> DeliveriesByNodeAsync(long campaignId)
    {
        await using var db = app.CreateDbContext();
        return await db.DeliveredMessages.Join(db.OutboundMessages, d => d.OutboundMessageId, m => m.Id, (d, m) => new { d.DeliveredBy, m.Source, m.SourceId })
            .Where(x => x.Source == MessageSource.Campaign && x.SourceId == campaignId)
            .GroupBy(x => x.DeliveredBy).ToDictionaryAsync(g => g.Key, g => (long)g.Count());
    }

    /// <summary>Polls until <paramref name="probe"/> answers; fails with the nodes' output if they die or time runs out.</summary>
    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, params AppNode[] nodes)
        where T : struct
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (nodes.FirstOrDefault(n => n.HasExited) is { } dead)
            {
                Assert.Fail($"{dead.Name} exited:\n{dead.Output}");
            }

            await Task.Delay(200);
        }

        Assert.Fail($"timed out after {timeout}:\n" + string.Join("\n", nodes.Select(n => $"--- {n.Name}\n{n.Output}")));
        return default;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var db = app.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
