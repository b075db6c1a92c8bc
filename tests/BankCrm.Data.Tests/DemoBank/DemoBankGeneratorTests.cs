using BankCrm.Data.DemoBank;
using BankCrm.Data.DemoBank.Generation;

namespace BankCrm.Data.Tests.DemoBank;

public sealed class DemoBankGeneratorTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 24);

    [Fact]
    public void Chunks_WhenGeneratedTwiceWithTheSameSeed_HashTheSame()
    {
        var options = new DemoBankOptions { Customers = 1_500, Seed = 42 };

        var first = BankHash.Of(new DemoBankGenerator(options, AsOf).Chunks(500));
        var second = BankHash.Of(new DemoBankGenerator(options, AsOf).Chunks(500));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Chunks_WhenChunkSizeDiffers_HashTheSame()
    {
        var options = new DemoBankOptions { Customers = 1_500, Seed = 42 };

        var small = BankHash.Of(new DemoBankGenerator(options, AsOf).Chunks(100));
        var large = BankHash.Of(new DemoBankGenerator(options, AsOf).Chunks(5_000));

        Assert.Equal(small, large);
    }

    [Fact]
    public void Chunks_WhenSeedDiffers_HashDiffers()
    {
        var first = BankHash.Of(new DemoBankGenerator(new DemoBankOptions { Customers = 1_500, Seed = 42 }, AsOf).Chunks(500));
        var other = BankHash.Of(new DemoBankGenerator(new DemoBankOptions { Customers = 1_500, Seed = 43 }, AsOf).Chunks(500));

        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Chunks_WhenAsOfDateMoves_HistoryEndsTheDayBefore()
    {
        var asOf = new DateOnly(2027, 3, 5);
        var endUtc = asOf.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
        var startUtc = asOf.AddMonths(-24).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);

        var customers = new DemoBankGenerator(new DemoBankOptions { Customers = 500 }, asOf).Chunks(500).SelectMany(c => c.Customers).ToList();
        var moments = customers.SelectMany(c => c.Transactions.Select(t => t.OccurredAt).Concat(c.AppEvents.Select(e => e.OccurredAt)).Concat(c.Interactions.Select(i => i.OccurredAt))).ToList();

        Assert.All(moments, m => Assert.InRange(m, startUtc, endUtc.AddTicks(-1)));
        Assert.True(moments.Max() > endUtc.AddDays(-3), "history should reach the last days before the as-of date");
    }

    [Fact]
    public void Constructor_WhenCustomersExceedTheUniqueKeySpace_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DemoBankGenerator(new DemoBankOptions { Customers = UniqueKeys.MaxCustomers + 1 }, AsOf));

        Assert.Equal("options", error.ParamName);
        Assert.Equal(UniqueKeys.MaxCustomers + 1, error.ActualValue);
        Assert.StartsWith($"The demo bank holds 1 to {UniqueKeys.MaxCustomers:N0} customers.", error.Message, StringComparison.Ordinal);
    }
}
