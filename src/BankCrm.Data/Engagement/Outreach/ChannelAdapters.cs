using BankCrm.Core.Consent;
using BankCrm.Data.Database;

namespace BankCrm.Data.Engagement.Outreach;

/// <summary>One message handed to a channel: the text rendered at enqueue and the address read at send time.</summary>
public sealed record Delivery(long OutboundMessageId, long CustomerId, ContactChannel Channel, string Recipient, string Subject, string Body, DateTime Now, string Node);

/// <summary>
/// Delivers messages of some channels. An adapter that writes to the database adds its rows to <c>db</c> without
/// saving: the dispatcher saves them with the message's Sent status in one transaction, so a delivery recorded in the
/// database happens exactly once. An adapter that talks to a server returns only after the server accepted the message.
/// </summary>
public interface IChannelAdapter
{
    /// <summary>Shown in logs and stored with nothing: "dev-sink", "smtp".</summary>
    string Name { get; }

    bool Handles(ContactChannel channel);

    /// <summary>Delivers, or throws when the channel refused or failed; returns the provider's message id.</summary>
    Task<string> DeliverAsync(Delivery delivery, CrmDbContext db, CancellationToken cancellationToken);
}

/// <summary>The adapters of the app in order of preference: the first that handles a channel delivers on it.</summary>
public sealed class ChannelAdapters(IEnumerable<IChannelAdapter> adapters)
{
    private readonly IReadOnlyList<IChannelAdapter> ordered = [.. adapters];

    public IChannelAdapter? For(ContactChannel channel) => ordered.FirstOrDefault(a => a.Handles(channel));
}
