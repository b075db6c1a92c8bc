using BankCrm.Core.Consent;
using BankCrm.Data.Database;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace BankCrm.Data.Engagement.Outreach;

/// <summary>The SMTP server e-mail goes to (<c>Outreach:Smtp</c>); without a host, e-mail goes to the development sink.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>STARTTLS on 587 (or TLS on connect on 465); off only for a local test server.</summary>
    public bool UseTls { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>"客户服务 &lt;service@bank.example&gt;" or a bare address.</summary>
    public string From { get; set; } = "BankCrm <no-reply@bankcrm.local>";

    public int TimeoutSeconds { get; set; } = 15;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// E-mail over SMTP with MailKit. Delivery is at least once: the dispatcher marks the message Sent after the server
/// accepted it, so a crash in between sends it again on the next try. Every try carries the same Message-Id
/// (<c>outbox-{id}@{sender domain}</c>), by which a receiving system drops the repeat.
/// </summary>
public sealed class SmtpEmailAdapter(SmtpSettings settings) : IChannelAdapter
{
    public string Name => "smtp";

    public bool Handles(ContactChannel channel) => channel == ContactChannel.Email;

    public static string MessageIdFor(long outboundMessageId, MailboxAddress from) =>
        $"outbox-{outboundMessageId}@{(from.Domain is { Length: > 0 } domain ? domain : "bankcrm.local")}";

    public async Task<string> DeliverAsync(Delivery delivery, CrmDbContext db, CancellationToken cancellationToken)
    {
        var from = MailboxAddress.Parse(settings.From);
        var message = new MimeMessage { Subject = delivery.Subject, MessageId = MessageIdFor(delivery.OutboundMessageId, from) };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(delivery.Recipient));
        message.Body = new TextPart("plain") { Text = delivery.Body };

        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        var security = !settings.UseTls ? SecureSocketOptions.None : settings.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Outreach:Smtp:Host is not set"), settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        return message.MessageId;
    }
}
