using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Core.Holdings;
using BankCrm.Data.Engagement.Outreach;
using BankCrm.Data.Engagement.Playbooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Integration.Tests.Engagement;

/// <summary>Playbooks and the outbox together: what a customer receives, counted in the development sink.</summary>
public abstract partial class PlaybookTests
{
    [Fact]
    public async Task The_welcome_message_of_a_new_customer_is_delivered_once_within_72_hours_of_the_account_opening_whatever_the_hour()
    {
        var customer = await world.NewCustomerAsync("上官迎新");
        var account = await world.OpenAccountAsync(customer, ProductCategory.DemandDeposit, world.Today);
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();

        // Both jobs run as often as they like, on two nodes; half a day later covers the quiet hours (21:00–08:00),
        // into which a non-urgent service message is deferred when the test happens to run in the evening.
        foreach (var (at, node) in new[] { (world.Now, "node-a"), (world.Now.AddMinutes(1), "node-b"), (world.Now.AddHours(12), "node-a"), (world.Now.AddHours(12), "node-b") })
        {
            await world.Evaluator.EvaluateAsync(at, CancellationToken.None);
            await world.Runner.RunDueAsync(at, CancellationToken.None);
            await dispatcher.DispatchDueAsync(at, node, CancellationToken.None);
        }

        await using var db = app.CreateDbContext();
        var enrolment = await world.EnrolmentAsync(ShippedPlaybooks.Welcome, customer);
        var welcome = await db.OutboundMessages.SingleAsync(m => m.IdempotencyKey == StepKeys.For(enrolment.Id, 0));
        Assert.Equal(MessageStatus.Sent, welcome.Status);
        var delivery = Assert.Single(await db.DeliveredMessages.Where(d => d.OutboundMessageId == welcome.Id).ToListAsync());
        Assert.Contains("您好，欢迎成为", delivery.Body, StringComparison.Ordinal);
        var opened = await db.Accounts.Where(a => a.Id == account).Select(a => a.OpenedOn).SingleAsync();
        Assert.InRange(delivery.DeliveredAt, world.Now, world.Now.AddHours(72));
        Assert.True(DateOnly.FromDateTime(delivery.DeliveredAt) <= opened.AddDays(3));
        Assert.Equal(1, await db.DeliveredMessages.CountAsync(d => d.CustomerId == customer && d.Body.Contains("欢迎成为")));
    }
}
