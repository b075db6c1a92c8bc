namespace BankCrm.Data.DemoBank;

public sealed record DemoBankOptions
{
    public const int DefaultSeed = 20261124;

    public int Customers { get; init; } = 10_000;

    public int Seed { get; init; } = DefaultSeed;

    /// <summary>Average transactions per customer over the 24 months of history.</summary>
    public int TransactionsPerCustomer { get; init; } = 50;
}
