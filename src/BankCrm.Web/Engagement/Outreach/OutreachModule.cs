using System.Globalization;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Data.Audit;
using BankCrm.Data.Database;
using BankCrm.Data.Engagement.Outreach;

namespace BankCrm.Web.Engagement.Outreach;

/// <summary>
/// Consent-aware outreach: the outbox policy's settings (<c>Outreach</c>), the channel adapters (real e-mail over SMTP
/// when <c>Outreach:Smtp:Host</c> is set, the development sink for the rest), the dispatcher and the screens' services.
/// </summary>
public static class OutreachModule
{
    public static IServiceCollection AddOutreachModule(this IServiceCollection services, IConfiguration configuration)
    {
        var smtp = configuration.GetSection("Outreach:Smtp").Get<SmtpSettings>() ?? new SmtpSettings();
        services.AddSingleton(smtp);
        services.AddSingleton(ReadRules(configuration));
        if (smtp.IsConfigured)
        {
            services.AddSingleton<IChannelAdapter>(new SmtpEmailAdapter(smtp));
        }

        services.AddSingleton<IChannelAdapter, DevSinkAdapter>();
        services.AddSingleton<ChannelAdapters>();
        services.AddSingleton<OutboxSender>();
        var leaseSeconds = configuration.GetValue("Outreach:LeaseSeconds", (int)OutboxDispatcher.DefaultLease.TotalSeconds);
        services.AddSingleton(sp => new OutboxDispatcher(
            sp.GetRequiredService<CrmDbContextFactory>(), sp.GetRequiredService<OutboxSender>(), sp.GetRequiredService<ILogger<OutboxDispatcher>>(), TimeSpan.FromSeconds(leaseSeconds)));
        services.AddScoped<OutboxQueries>();
        services.AddScoped<OutboxActions>();
        services.AddScoped<SuppressionStore>();
        services.AddScoped<ChannelPreferenceStore>();
        services.AddSingleton<OutreachOperations>();
        return services;
    }

    /// <summary>
    /// <c>Outreach:QuietHours:Start</c>/<c>End</c> ("21:00", "08:00"), <c>Outreach:MarketingCaps</c> ("2/7,4/30": at
    /// most 2 in 7 days and 4 in 30 days) and <c>Outreach:RetryMinutes</c> ("1,5,30,120"); missing keys keep the defaults.
    /// </summary>
    public static OutreachRules ReadRules(IConfiguration configuration)
    {
        var defaults = OutreachRules.Default;
        var quiet = new QuietHours(
            Time(configuration["Outreach:QuietHours:Start"]) ?? defaults.QuietHours.Start,
            Time(configuration["Outreach:QuietHours:End"]) ?? defaults.QuietHours.End);
        var caps = configuration["Outreach:MarketingCaps"] is { Length: > 0 } capText
            ? capText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Cap).ToList()
            : defaults.MarketingCaps;
        var retry = configuration["Outreach:RetryMinutes"] is { Length: > 0 } retryText
            ? new RetrySchedule([.. retryText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(m => TimeSpan.FromMinutes(int.Parse(m, CultureInfo.InvariantCulture)))])
            : defaults.Retry;
        return new OutreachRules(quiet, caps, retry);
    }

    private static TimeOnly? Time(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : TimeOnly.ParseExact(text.Trim(), "HH:mm", CultureInfo.InvariantCulture);

    private static FrequencyCap Cap(string text)
    {
        var parts = text.Split('/');
        return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var max) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var days) && max > 0 && days > 0
            ? new FrequencyCap(max, days)
            : throw new InvalidOperationException($"Outreach:MarketingCaps: '{text}' is not N/DAYS (e.g. 2/7)");
    }
}

/// <summary>Outbox reads and writes for Blazor screens, each on a DbContext of its own (see CustomerOperations for why).</summary>
internal sealed class OutreachOperations(CrmDbContextFactory factory, TimeProvider time, AuditTrail audit)
{
    public async Task<T> RunAsync<T>(Func<OutreachServices, Task<T>> operation)
    {
        await using var db = factory.CreateDbContext();
        return await operation(new OutreachServices(
            new OutboxQueries(db), new OutboxActions(db, time, audit), new SuppressionStore(db, time, audit), new ChannelPreferenceStore(db, time, audit)));
    }
}

internal sealed record OutreachServices(OutboxQueries Outbox, OutboxActions Actions, SuppressionStore Suppressions, ChannelPreferenceStore Preferences);
