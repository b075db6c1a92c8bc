using BankCrm.Core.Holdings;
using BankCrm.Data.DemoBank.Generation;

namespace BankCrm.Data.DemoBank.Catalogs;

/// <summary>
/// Which channel a customer uses, by age: the mobile app dominates for the young, the counter for seniors.
/// Hours are when each channel is busy (China time).
/// </summary>
internal static class ChannelMix
{
    private static readonly Weighted<TransactionChannel>[] Transfers =
    [
        Mix((TransactionChannel.MobileApp, 75), (TransactionChannel.OnlineBanking, 12), (TransactionChannel.Counter, 5), (TransactionChannel.ThirdPartyPay, 8)),
        Mix((TransactionChannel.MobileApp, 60), (TransactionChannel.OnlineBanking, 22), (TransactionChannel.Counter, 15), (TransactionChannel.ThirdPartyPay, 3)),
        Mix((TransactionChannel.Counter, 50), (TransactionChannel.MobileApp, 30), (TransactionChannel.OnlineBanking, 20)),
        Mix((TransactionChannel.OnlineBanking, 70), (TransactionChannel.Counter, 20), (TransactionChannel.MobileApp, 10)),
    ];

    private static readonly Weighted<TransactionChannel>[] Cash =
    [
        Mix((TransactionChannel.Atm, 80), (TransactionChannel.Counter, 20)),
        Mix((TransactionChannel.Atm, 65), (TransactionChannel.Counter, 35)),
        Mix((TransactionChannel.Counter, 60), (TransactionChannel.Atm, 40)),
        Mix((TransactionChannel.Counter, 100)),
    ];

    private static readonly Weighted<TransactionChannel>[] Purchases =
    [
        Mix((TransactionChannel.ThirdPartyPay, 50), (TransactionChannel.Pos, 35), (TransactionChannel.MobileApp, 15)),
        Mix((TransactionChannel.Pos, 45), (TransactionChannel.ThirdPartyPay, 40), (TransactionChannel.MobileApp, 15)),
        Mix((TransactionChannel.Pos, 75), (TransactionChannel.ThirdPartyPay, 20), (TransactionChannel.MobileApp, 5)),
        Mix((TransactionChannel.Pos, 100)),
    ];

    /// <summary>0: under 35, 1: 35–59, 2: 60 and over, 3: a company.</summary>
    public static int Group(CustomerTraits traits) => traits.IsCorporate ? 3 : traits.Age < 35 ? 0 : traits.Age < 60 ? 1 : 2;

    public static TransactionChannel Transfer(DemoRandom random, int group) => Transfers[group].Draw(random);

    public static TransactionChannel CashDesk(DemoRandom random, int group) => Cash[group].Draw(random);

    public static TransactionChannel Purchase(DemoRandom random, int group) => Purchases[group].Draw(random);

    /// <summary>An hour of the day (fractional) when the channel is in use.</summary>
    public static double Hour(DemoRandom random, TransactionChannel channel) => channel switch
    {
        TransactionChannel.Counter => 9 + random.NextDouble() * 8,
        TransactionChannel.Swift => 9 + random.NextDouble() * 7,
        TransactionChannel.OnlineBanking => 9 + random.NextDouble() * 12,
        TransactionChannel.Atm => 7 + random.NextDouble() * 16,
        // Phones are used all day, most in the evening.
        TransactionChannel.MobileApp or TransactionChannel.ThirdPartyPay => random.Chance(0.45) ? 19 + random.NextDouble() * 4.9 : 7 + random.NextDouble() * 12,
        _ => 10 + random.NextDouble() * 12,
    };

    private static Weighted<TransactionChannel> Mix(params (TransactionChannel Channel, double Weight)[] entries) => new(entries);
}
