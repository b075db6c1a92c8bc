using BankCrm.Core.Consent;
using BankCrm.Core.Customers;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Data.Database;

namespace BankCrm.Data.Engagement.Outreach;

/// <summary>
/// The development sink for SMS, WeCom, app push (no gateway is wired up yet) and e-mail when no SMTP server is
/// configured: the message is stored in <c>delivered_messages</c> for the outbox page and the tests. The recipient is
/// stored masked (138****0000, z***@example.com), so the sink is no second copy of the customers' contact data.
/// </summary>
public sealed class DevSinkAdapter : IChannelAdapter
{
    public string Name => "dev-sink";

    public bool Handles(ContactChannel channel) => ChannelPreferences.MessageChannels.Contains(channel);

    public Task<string> DeliverAsync(Delivery delivery, CrmDbContext db, CancellationToken cancellationToken)
    {
        db.DeliveredMessages.Add(new DeliveredMessage
        {
            OutboundMessageId = delivery.OutboundMessageId,
            CustomerId = delivery.CustomerId,
            Channel = delivery.Channel,
            MaskedRecipient = Mask(delivery.Channel, delivery.Recipient),
            Subject = delivery.Subject,
            Body = delivery.Body,
            DeliveredAt = delivery.Now,
            DeliveredBy = delivery.Node,
        });
        return Task.FromResult($"sink-{delivery.OutboundMessageId}");
    }

    public static string Mask(ContactChannel channel, string recipient) => channel switch
    {
        ContactChannel.Sms or ContactChannel.Phone => Masking.Mobile(recipient),
        ContactChannel.Email => Masking.Email(recipient),
        _ => recipient,
    };
}
