using BankCrm.Core.Consent;
using BankCrm.Core.Customers;

namespace BankCrm.Core.Engagement.Outreach;

/// <summary>One channel with its score (0–100) and where the score came from.</summary>
public sealed record ChannelScore(ContactChannel Channel, int Score, PreferenceSource Source);

/// <summary>
/// The channel preference library (渠道偏好库, seed 002 三(二)2): which channels a customer is best reached on.
/// Without stored scores the defaults of seed 002 apply — young customers WeCom and the app (短视频科普 is pushed in
/// the app), companies e-mail (and visits, which the RM books as a phone call), seniors SMS (and the branch salon,
/// to which the RM invites by phone). Stored scores replace the default of their channel.
/// </summary>
/// <remarks>
/// Learning: every message sent on a channel costs it <see cref="SendCost"/> point (a message is presumed ignored
/// until the customer answers), every response earns it <see cref="ResponseReward"/>. A channel the customer never
/// answers on thus sinks slowly below the next one (10 unanswered messages close a 10-point gap), and one answer
/// outweighs ten silences. Scores stay within 0–100. Scores set by staff (the customer said so) are not changed by
/// learning.
/// </remarks>
public static class ChannelPreferences
{
    public const int SendCost = 1;
    public const int ResponseReward = 10;
    public const int MaxScore = 100;

    /// <summary>Younger than this is 年轻客群; from <see cref="SeniorAge"/> on 银发客群.</summary>
    public const int YoungBelowAge = 35;
    public const int SeniorAge = 60;

    /// <summary>The channels a message can go out on; a phone call is made by a person and never by the outbox.</summary>
    public static IReadOnlyList<ContactChannel> MessageChannels { get; } = [ContactChannel.Sms, ContactChannel.Email, ContactChannel.WeCom, ContactChannel.AppPush];

    public static IReadOnlyList<ChannelScore> Defaults(CustomerType type, DateOnly? birthDate, DateOnly today)
    {
        (ContactChannel, int)[] scores = type == CustomerType.Corporate
            ? [(ContactChannel.Email, 80), (ContactChannel.Phone, 60), (ContactChannel.Sms, 40), (ContactChannel.WeCom, 30), (ContactChannel.AppPush, 10)]
            : AgeOn(birthDate, today) switch
            {
                < YoungBelowAge => [(ContactChannel.WeCom, 80), (ContactChannel.AppPush, 70), (ContactChannel.Sms, 40), (ContactChannel.Email, 30), (ContactChannel.Phone, 20)],
                >= SeniorAge => [(ContactChannel.Sms, 80), (ContactChannel.Phone, 60), (ContactChannel.WeCom, 30), (ContactChannel.AppPush, 20), (ContactChannel.Email, 10)],
                _ => [(ContactChannel.Sms, 60), (ContactChannel.WeCom, 55), (ContactChannel.AppPush, 45), (ContactChannel.Email, 35), (ContactChannel.Phone, 30)],
            };
        return [.. scores.Select(s => new ChannelScore(s.Item1, s.Item2, PreferenceSource.Default))];
    }

    /// <summary>Every channel, best first: the stored score where there is one, the default otherwise; ties keep the default order.</summary>
    public static IReadOnlyList<ChannelScore> Ranked(IEnumerable<ChannelPreference> stored, CustomerType type, DateOnly? birthDate, DateOnly today)
    {
        var byChannel = stored.ToDictionary(p => p.Channel);
        return [.. Defaults(type, birthDate, today)
            .Select(d => byChannel.TryGetValue(d.Channel, out var s) ? new ChannelScore(s.Channel, s.Score, s.Source) : d)
            .Select((score, index) => (score, index))
            .OrderByDescending(x => x.score.Score).ThenBy(x => x.index)
            .Select(x => x.score)];
    }

    /// <summary>The new score of a channel after a send (negative delta) or a response; null when staff set it and learning leaves it alone.</summary>
    public static int? Learn(ChannelScore current, int delta) =>
        current.Source == PreferenceSource.Staff ? null : Math.Clamp(current.Score + delta, 0, MaxScore);

    /// <summary>Age in whole years on <paramref name="today"/>; null when the birth date is unknown.</summary>
    public static int? AgeOn(DateOnly? birthDate, DateOnly today)
    {
        if (birthDate is not { } born)
        {
            return null;
        }

        var age = today.Year - born.Year;
        return today < born.AddYears(age) ? age - 1 : age;
    }
}
