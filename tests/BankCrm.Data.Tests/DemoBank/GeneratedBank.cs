using BankCrm.Data.DemoBank;
using BankCrm.Data.DemoBank.Generation;
using Microsoft.Extensions.Time.Testing;

namespace BankCrm.Data.Tests.DemoBank;

/// <summary>A generated demo bank held in memory for the generator tests (small enough to keep whole).</summary>
public sealed class GeneratedBank
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    public GeneratedBank() : this(new DemoBankOptions { Customers = 10_000, Seed = DemoBankOptions.DefaultSeed })
    {
    }

    internal GeneratedBank(DemoBankOptions options)
    {
        Options = options;
        Time = new FakeTimeProvider(Now);
        var generator = new DemoBankGenerator(options, Core.Common.ChinaTime.Today(Time));
        Layout = generator.Layout;
        Customers = [.. generator.Chunks(2_000).SelectMany(c => c.Customers)];
    }

    public DemoBankOptions Options { get; }

    public FakeTimeProvider Time { get; }

    internal BankLayout Layout { get; }

    internal IReadOnlyList<GeneratedCustomer> Customers { get; }

    public DateOnly Today => Core.Common.ChinaTime.Today(Time);
}

[CollectionDefinition(Name)]
public sealed class GeneratedBankCollection : ICollectionFixture<GeneratedBank>
{
    public const string Name = "generated demo bank (10,000 customers)";
}
