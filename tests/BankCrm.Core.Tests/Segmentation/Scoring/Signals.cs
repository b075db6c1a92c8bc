using BankCrm.Core.Customers;
using BankCrm.Core.Segmentation.Scoring;

namespace BankCrm.Core.Tests.Segmentation.Scoring;

/// <summary>Customers for rule tests: a plain individual who joined two years before the run date.</summary>
internal static class Signals
{
    public static readonly DateOnly RunDate = new(2026, 11, 24);

    public static readonly ScoringSettings Settings = new();

    public static CustomerSignals Individual() => new()
    {
        CustomerId = 1,
        Type = CustomerType.Individual,
        CustomerSince = RunDate.AddYears(-2),
        AgeYears = 40,
    };
}
