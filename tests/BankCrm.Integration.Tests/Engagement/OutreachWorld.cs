using System.Net;
using System.Net.Http.Json;
using BankCrm.Core.Consent;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Data.Database;
using BankCrm.Data.Engagement.Outreach;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BankCrm.Integration.Tests.Engagement;

/// <summary>
/// Customers, consents and outbox messages for outreach tests, and the dispatcher driven at explicit times. Times are
/// days after today so that consents recorded now through the API are in force; each test uses its own customers.
/// </summary>
internal sealed class OutreachWorld(BankCrmApp app)
{
    /// <summary>The UTC instant of <paramref name="hour"/>:<paramref name="minute"/> China time, <paramref name="days"/> days from today (China).</summary>
    public static DateTime ChinaAt(int days, int hour, int minute = 0, int second = 0)
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8));
        return DateTime.SpecifyKind(today.AddDays(days).ToDateTime(new TimeOnly(hour, minute, second)).AddHours(-8), DateTimeKind.Utc);
    }

    public async Task<long> CustomerAsync(string name, string? email = null, bool withMobile = true)
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var input = CustomerApi.Individual(name) with { Email = email, Mobile = withMobile ? CustomerApi.NextMobile() : null };
        return (await rm1.CreateAsync(input)).Id;
    }

    public async Task ConsentAsync(long customerId, ContactChannel channel, bool granted = true)
    {
        using var rm1 = await app.ClientForAsync("rm1");
        using var response = await rm1.PostAsJsonAsync($"/api/v1/customers/{customerId}/consents",
            new { purpose = "Marketing", channel = channel.ToString(), granted, source = "Branch" }, CustomerApi.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public async Task<long> EnqueueAsync(long customerId, ContactChannel? channel, MessagePurpose purpose, DateTime notBefore, string subject = "理财到期提醒", string body = "您好，您的理财将于下周到期。")
    {
        await using var db = app.CreateDbContext();
        var request = new OutboundRequest($"test:{Guid.NewGuid():N}", customerId, channel, purpose, MessageSource.Manual, null, subject, body, notBefore, "test");
        return await OutboxWriter.EnqueueAsync(db, request, notBefore, CancellationToken.None);
    }

    /// <summary>The app's own dispatcher: the development sink for every channel (the test app configures no SMTP server).</summary>
    public Task<DispatchSummary> DispatchAsync(DateTime now, string node = "node-a") =>
        app.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(now, node, CancellationToken.None);

    /// <summary>A dispatcher with the given adapters in front of the sink, e.g. SMTP to a test server.</summary>
    public OutboxDispatcher DispatcherWith(params IChannelAdapter[] adapters)
    {
        var factory = app.Services.GetRequiredService<CrmDbContextFactory>();
        var sender = new OutboxSender(factory, new ChannelAdapters([.. adapters, new DevSinkAdapter()]), OutreachRules.Default, NullLogger<OutboxSender>.Instance);
        return new OutboxDispatcher(factory, sender, NullLogger<OutboxDispatcher>.Instance);
    }

    public async Task<OutboundMessage> MessageAsync(long id)
    {
        await using var db = app.CreateDbContext();
        return await db.OutboundMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public async Task<List<DeliveredMessage>> SinkAsync(params long[] messageIds)
    {
        await using var db = app.CreateDbContext();
        return await db.DeliveredMessages.AsNoTracking().Where(d => messageIds.Contains(d.OutboundMessageId)).ToListAsync();
    }
}
