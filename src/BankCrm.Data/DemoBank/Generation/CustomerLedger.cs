using BankCrm.Core.Holdings;
using BankCrm.Data.DemoBank.Catalogs;

namespace BankCrm.Data.DemoBank.Generation;

/// <summary>
/// Collects one customer's transactions and picks their moments: months in proportion to the seasonality; for a
/// future churner, a moment in the fading months is dropped as often as the activity has faded.
/// </summary>
internal sealed class CustomerLedger
{
    private readonly List<Transaction> rows = [];
    private readonly Weighted<MonthSlot>? months;

    public CustomerLedger(GeneratedCustomer generated, HistoryCalendar calendar, DemoRandom random)
    {
        Customer = generated;
        Calendar = calendar;
        Random = random;
        var since = generated.Traits.CustomerSince;
        ActiveFrom = since > calendar.Start ? since : calendar.Start;
        ChannelGroup = ChannelMix.Group(generated.Traits);
        var weights = new List<(MonthSlot, double)>();
        foreach (var slot in calendar.Slots)
        {
            var days = slot.EndExclusive.DayNumber - Math.Max(slot.First.DayNumber, ActiveFrom.DayNumber);
            weights.Add((slot, Math.Max(0, days) * slot.Seasonality));
        }

        months = weights.Any(w => w.Item2 > 0) ? new Weighted<MonthSlot>(weights) : null;
    }

    public GeneratedCustomer Customer { get; }

    public HistoryCalendar Calendar { get; }

    public DemoRandom Random { get; }

    public DateOnly ActiveFrom { get; }

    public int ChannelGroup { get; }

    public int Count => rows.Count;

    /// <summary>Share of the 24 months the customer was with the bank.</summary>
    public double ActiveShare => (double)(Calendar.AsOf.DayNumber - ActiveFrom.DayNumber) / (Calendar.AsOf.DayNumber - Calendar.Start.DayNumber);

    /// <summary>A random day the customer was active, weighted by season; null when there is none or the churner skipped it.</summary>
    public DateOnly? RandomDay()
    {
        if (months is null)
        {
            return null;
        }

        var slot = months.Draw(Random);
        var from = slot.First > ActiveFrom ? slot.First : ActiveFrom;
        var day = Calendar.RandomDay(Random, from, slot.EndExclusive);
        return Customer.Traits.FutureChurner && Random.NextDouble() > Calendar.FadeFactor(day) ? null : day;
    }

    public decimal NetFlow(HeldAccount account)
    {
        decimal net = 0;
        foreach (var row in rows)
        {
            if (row.AccountId == account.Account.Id)
            {
                net += row.Amount;
            }
        }

        return net;
    }

    public bool IsActiveOn(DateOnly day) => day >= ActiveFrom && day < Calendar.AsOf;

    public void Add(HeldAccount account, DateOnly day, TransactionChannel channel, decimal amount, TransactionKind kind, string? counterparty, string? merchantCategory = null) =>
        Add(account, HistoryCalendar.At(day, ChannelMix.Hour(Random, channel)), channel, amount, kind, counterparty, merchantCategory);

    public void Add(HeldAccount account, DateTime occurredAtUtc, TransactionChannel channel, decimal amount, TransactionKind kind, string? counterparty, string? merchantCategory = null) =>
        rows.Add(new Transaction
        {
            CustomerId = Customer.Customer.Id,
            AccountId = account.Account.Id,
            OccurredAt = occurredAtUtc,
            Amount = amount,
            Currency = account.Account.Currency,
            Kind = kind,
            Channel = channel,
            Counterparty = counterparty,
            MerchantCategory = merchantCategory,
        });

    /// <summary>Sorts by time, numbers the rows 1..n, and raises balances that the flows since could not have come from.</summary>
    public List<Transaction> Complete(Holdings holdings)
    {
        var ordered = rows.Select((row, index) => (row, index)).OrderBy(x => x.row.OccurredAt).ThenBy(x => x.index).Select(x => x.row).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Id = i + 1;
        }

        foreach (var held in holdings.All)
        {
            if (!held.Category.IsAsset() || held.Account.Status == AccountStatus.Closed)
            {
                continue;
            }

            // Balance trends are rebuilt backwards (balance minus later flows); they must never go below zero.
            decimal suffix = 0, highest = 0;
            for (var i = ordered.Count - 1; i >= 0; i--)
            {
                if (ordered[i].AccountId == held.Account.Id)
                {
                    suffix += ordered[i].Amount;
                    highest = Math.Max(highest, suffix);
                }
            }

            if (held.Account.Balance < highest)
            {
                held.Account.Balance = highest + DemoRandom.Round2(Random.LogNormal(2_000, 1.0));
            }
        }

        return ordered;
    }
}
