using BankCrm.Core.Engagement;
using BankCrm.Core.Holdings;
using BankCrm.Data.DemoBank.Catalogs;

namespace BankCrm.Data.DemoBank.Generation;

/// <summary>
/// App behaviour (logins, product page views, FX-rate queries) and contacts with the bank (visits, calls, WeCom,
/// branch, salons by the owning RM). Product views come before a product is bought; churners log in less and less.
/// </summary>
internal static class BehaviourGenerator
{
    public static void Generate(GeneratedCustomer generated, Holdings holdings, HistoryCalendar calendar, DemoRandom random)
    {
        AppEvents(generated, holdings, calendar, random);
        Interactions(generated, holdings, calendar, random);
    }

    private static void AppEvents(GeneratedCustomer generated, Holdings holdings, HistoryCalendar calendar, DemoRandom random)
    {
        var traits = generated.Traits;
        if (!traits.AppUser)
        {
            return;
        }

        var events = new List<AppEvent>();
        var perMonth = traits.Activity * ChannelMix.Group(traits) switch { 0 => 1.6, 1 => 1.2, 2 => 0.6, _ => 1.5 };
        var fxQueries = traits.ImportExport ? 3.0 : holdings.Fx is not null ? 0.5 : 0;
        var since = traits.CustomerSince;
        foreach (var slot in calendar.Slots)
        {
            var from = slot.First > since ? slot.First : since;
            if (from >= slot.EndExclusive)
            {
                continue;
            }

            var scale = (slot.EndExclusive.DayNumber - from.DayNumber) / 30.0 * (traits.FutureChurner ? calendar.FadeFactor(slot.Middle) : 1.0);
            var sessions = random.Poisson(perMonth * scale);
            for (var i = 0; i < sessions; i++)
            {
                var at = HistoryCalendar.At(calendar.RandomDay(random, from, slot.EndExclusive), ChannelMix.Hour(random, TransactionChannel.MobileApp));
                events.Add(new AppEvent { Kind = AppEventKind.Login, OccurredAt = at });
                if (random.Chance(0.3))
                {
                    events.Add(new AppEvent { Kind = AppEventKind.ProductView, ProductId = random.Pick(ProductCatalog.Browsable), OccurredAt = at.AddMinutes(1 + random.Next(5)) });
                }
            }

            var queries = random.Poisson(fxQueries * scale);
            for (var i = 0; i < queries; i++)
            {
                var at = HistoryCalendar.At(calendar.RandomDay(random, from, slot.EndExclusive), 9 + random.NextDouble() * 9);
                events.Add(new AppEvent { Kind = AppEventKind.FxRateQuery, OccurredAt = at });
            }
        }

        // Interest shows before purchase: a few views of a product in the month before it was bought.
        foreach (var held in holdings.All.Where(h => h.Account.OpenedOn > calendar.Start.AddDays(30) && h.Account.OpenedOn > since.AddDays(30)))
        {
            if (held.Category is ProductCategory.DemandDeposit || !random.Chance(0.7))
            {
                continue;
            }

            for (var i = random.Between(1, 3); i > 0; i--)
            {
                var day = held.Account.OpenedOn.AddDays(-random.Between(1, 30));
                events.Add(new AppEvent { Kind = AppEventKind.ProductView, ProductId = held.Account.ProductId, OccurredAt = HistoryCalendar.At(day, ChannelMix.Hour(random, TransactionChannel.MobileApp)) });
            }
        }

        var ordered = events.Select((e, index) => (e, index)).OrderBy(x => x.e.OccurredAt).ThenBy(x => x.index).Select(x => x.e).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Id = i + 1;
            ordered[i].CustomerId = generated.Customer.Id;
        }

        generated.AppEvents.AddRange(ordered);
    }

    private static void Interactions(GeneratedCustomer generated, Holdings holdings, HistoryCalendar calendar, DemoRandom random)
    {
        var traits = generated.Traits;
        var rm = traits.RelationshipManagerId;
        var aum = traits.TargetAum;
        var mean = rm is null ? 0.4 : 1.5 + (aum > 1_000_000 ? 5 : aum > 200_000 ? 2 : 0) + (traits.IsCorporate ? 2 : 0);
        var count = random.Poisson(mean);
        var from = traits.CustomerSince > calendar.Start ? traits.CustomerSince : calendar.Start;
        var rows = new List<Interaction>();
        for (var i = 0; i < count; i++)
        {
            var channel = rm is null ? InteractionChannel.Branch : PickChannel(random, traits, aum);
            var day = calendar.RandomDay(random, from, calendar.AsOf);
            var leaving = traits.FutureChurner && day >= calendar.FadeStart && random.Chance(0.3);
            var topic = random.Pick(leaving ? InteractionTexts.Leaving : Topics(random, traits, holdings));
            var product = ProductCatalog.Get(random.Pick(ProductCatalog.Browsable)).Name;
            var outcome = channel == InteractionChannel.Call && random.Chance(0.1) ? "客户未接听" : random.Pick(InteractionTexts.Outcomes);
            rows.Add(new Interaction
            {
                StaffId = rm,
                Channel = channel,
                OccurredAt = HistoryCalendar.At(day, 9 + random.NextDouble() * 9),
                Summary = InteractionTexts.Prefix(channel) + topic.Replace("{product}", $"“{product}”", StringComparison.Ordinal),
                Outcome = outcome,
                NextStep = outcome == "客户未接听" ? "改日再次致电" : random.Pick(InteractionTexts.NextSteps),
            });
        }

        var ordered = rows.OrderBy(r => r.OccurredAt).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Id = i + 1;
            ordered[i].CustomerId = generated.Customer.Id;
        }

        generated.Interactions.AddRange(ordered);
    }

    private static InteractionChannel PickChannel(DemoRandom random, CustomerTraits traits, decimal aum)
    {
        var roll = random.NextDouble();
        var important = traits.IsCorporate || aum > 1_000_000;
        return roll switch
        {
            < 0.35 => InteractionChannel.Call,
            < 0.65 => InteractionChannel.WeCom,
            < 0.80 => important ? InteractionChannel.Visit : InteractionChannel.Branch,
            < 0.95 => InteractionChannel.Branch,
            _ => important && !traits.IsCorporate ? InteractionChannel.Salon : InteractionChannel.Call,
        };
    }

    private static IReadOnlyList<string> Topics(DemoRandom random, CustomerTraits traits, Holdings holdings)
    {
        if (traits.IsCorporate)
        {
            return traits.ImportExport && random.Chance(0.5) ? InteractionTexts.CrossBorder : InteractionTexts.Corporate;
        }

        var roll = random.NextDouble();
        if (roll < 0.3 && holdings.Investments.Any())
        {
            return InteractionTexts.Investor;
        }

        if (roll < 0.5 && holdings.Loans.Any())
        {
            return InteractionTexts.Borrower;
        }

        return roll < 0.7 && holdings.All.Any(h => h.Category == ProductCategory.TimeDeposit) ? InteractionTexts.Depositor : InteractionTexts.General;
    }
}
