using BankCrm.Core.Consent;

namespace BankCrm.Data.DemoBank.Generation;

/// <summary>
/// Plausible 授权同意 for a generated customer: most sign SMS marketing and profiling in the account-opening
/// form, fewer give e-mail, WeCom or phone, app users allow push; some withdraw a channel later (more among
/// customers who are about to leave), and some RM clients add WeCom after opening.
/// </summary>
internal static class ConsentGenerator
{
    public const string RecordedBy = "demo-bank";

    private const string OpeningNote = "开户时签署《个人信息处理授权书》";

    public static void Generate(GeneratedCustomer generated, HistoryCalendar calendar, DemoRandom random)
    {
        var traits = generated.Traits;
        var opened = generated.Customer.CreatedAt;
        var openingSource = random.Chance(traits.AppUser && !traits.IsCorporate ? 0.2 : 0.05) ? ConsentSource.App : ConsentSource.Branch;
        var rows = new List<ConsentRecord>();

        // Customers of the last month have had no time to change their mind.
        var laterFrom = DateOnly.FromDateTime(opened).AddDays(30);
        var hasHistory = laterFrom < calendar.AsOf;
        foreach (var (purpose, channel) in ConsentPolicy.AllSubjects)
        {
            if (random.Chance(GrantShare(traits, purpose, channel)))
            {
                rows.Add(ConsentRecord.Grant(0, purpose, channel, openingSource, opened, RecordedBy, OpeningNote));
                if (random.Chance(traits.FutureChurner ? 0.25 : 0.07) && hasHistory)
                {
                    rows.Add(ConsentRecord.Withdraw(0, purpose, channel, random.Chance(0.6) ? ConsentSource.App : ConsentSource.Rm,
                        LaterMoment(laterFrom, calendar, random), RecordedBy, "客户要求停止"));
                }
            }
            else if (channel == ContactChannel.WeCom && traits.RelationshipManagerId is not null && random.Chance(0.3) && hasHistory)
            {
                rows.Add(ConsentRecord.Grant(0, purpose, channel, ConsentSource.Rm, LaterMoment(laterFrom, calendar, random), RecordedBy, "客户经理添加企业微信时客户同意"));
            }
        }

        var ordered = rows.OrderBy(r => r.RecordedAt).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Id = i + 1;
            ordered[i].CustomerId = generated.Customer.Id;
        }

        generated.Consents.AddRange(ordered);
    }

    private static double GrantShare(CustomerTraits traits, ConsentPurpose purpose, ContactChannel? channel) => (purpose, channel) switch
    {
        (ConsentPurpose.Marketing, ContactChannel.Sms) => traits.IsCorporate ? 0.6 : 0.85,
        (ConsentPurpose.Marketing, ContactChannel.Email) => traits.IsCorporate ? 0.5 : 0.3,
        (ConsentPurpose.Marketing, ContactChannel.WeCom) => traits.RelationshipManagerId is null ? 0.05 : 0.3,
        (ConsentPurpose.Marketing, ContactChannel.AppPush) => traits.AppUser ? 0.6 : 0.05,
        (ConsentPurpose.Marketing, ContactChannel.Phone) => 0.35,
        (ConsentPurpose.Profiling, _) => traits.IsCorporate ? 0.4 : 0.75,
        (ConsentPurpose.ThirdPartySharing, _) => 0.08,
        _ => 0,
    };

    /// <summary>A working-hours moment (China time) between <paramref name="from"/> and yesterday.</summary>
    private static DateTime LaterMoment(DateOnly from, HistoryCalendar calendar, DemoRandom random) =>
        HistoryCalendar.At(calendar.RandomDay(random, from, calendar.AsOf), 9 + random.NextDouble() * 8);
}
