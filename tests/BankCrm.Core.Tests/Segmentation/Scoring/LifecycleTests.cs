using BankCrm.Core.Segmentation;
using BankCrm.Core.Segmentation.Scoring;

namespace BankCrm.Core.Tests.Segmentation.Scoring;

public sealed class LifecycleTests
{
    private static readonly DateOnly Run = Signals.RunDate;

    [Theory]
    [InlineData(0, LifecycleStage.New)]
    [InlineData(89, LifecycleStage.New)]
    [InlineData(92, LifecycleStage.Growth)]
    [InlineData(364, LifecycleStage.Growth)]
    [InlineData(366, LifecycleStage.Mature)]
    public void Classify_ByTenure_FollowsThreeMonthsAndOneYear(int daysWithBank, LifecycleStage expected)
    {
        var signals = Signals.Individual() with { CustomerSince = Run.AddDays(-daysWithBank) };

        Assert.Equal(expected, Lifecycle.Classify(signals, Run, Signals.Settings));
    }

    [Fact]
    public void Classify_ExactlyThreeMonths_IsGrowth()
    {
        var signals = Signals.Individual() with { CustomerSince = Run.AddMonths(-3) };

        Assert.Equal(LifecycleStage.Growth, Lifecycle.Classify(signals, Run, Signals.Settings));
    }

    [Fact]
    public void Classify_WhenActivityDropsThirtyPercent_IsDeclineWarning()
    {
        var signals = Signals.Individual() with { TransactionsPrevious = 60, LoginsPrevious = 40, TransactionsCurrent = 40, LoginsCurrent = 30 };

        Assert.Equal(LifecycleStage.DeclineWarning, Lifecycle.Classify(signals, Run, Signals.Settings));
    }

    [Fact]
    public void Classify_WhenActivityDropsTwentyNinePercent_IsNotDeclineWarning()
    {
        var signals = Signals.Individual() with { TransactionsPrevious = 60, LoginsPrevious = 40, TransactionsCurrent = 41, LoginsCurrent = 30 };

        Assert.Equal(LifecycleStage.Mature, Lifecycle.Classify(signals, Run, Signals.Settings));
    }

    [Fact]
    public void Classify_WhenSmallCountsDropByChance_IsNotDeclineWarning()
    {
        // 10 → 7 is −30%, but two counts of about ten swing that much without any change of behaviour.
        var signals = Signals.Individual() with { TransactionsPrevious = 10, TransactionsCurrent = 7 };

        Assert.Equal(LifecycleStage.Mature, Lifecycle.Classify(signals, Run, Signals.Settings));
    }

    [Fact]
    public void Classify_WhenActivityStops_IsDeclineWarningEvenForLowActivity()
    {
        var signals = Signals.Individual() with { TransactionsPrevious = 6, LoginsPrevious = 4, TransactionsCurrent = 1, LoginsCurrent = 0 };

        Assert.Equal(LifecycleStage.DeclineWarning, Lifecycle.Classify(signals, Run, Signals.Settings));
    }

    [Fact]
    public void Classify_WhenNotWithTheBankForBothPeriods_CannotDecline()
    {
        var signals = Signals.Individual() with { CustomerSince = Run.AddMonths(-8), TransactionsPrevious = 50, TransactionsCurrent = 0 };

        Assert.Equal(LifecycleStage.Growth, Lifecycle.Classify(signals, Run, Signals.Settings));
    }

    [Fact]
    public void WithSince_WhenStageUnchanged_KeepsThePreviousStart()
    {
        var previous = new LifecycleResult(LifecycleStage.DeclineWarning, Run.AddDays(-20));

        var result = Lifecycle.WithSince(LifecycleStage.DeclineWarning, Signals.Individual(), Run, previous);

        Assert.Equal(Run.AddDays(-20), result.Since);
    }

    [Fact]
    public void WithSince_WhenDeclineBegins_IsTheRunDate()
    {
        var previous = new LifecycleResult(LifecycleStage.Mature, Run.AddYears(-1));

        Assert.Equal(Run, Lifecycle.WithSince(LifecycleStage.DeclineWarning, Signals.Individual(), Run, previous).Since);
    }

    [Fact]
    public void WithSince_WhenMatureWithoutHistory_IsTheFirstAnniversary()
    {
        var signals = Signals.Individual();

        Assert.Equal(signals.CustomerSince.AddYears(1), Lifecycle.WithSince(LifecycleStage.Mature, signals, Run, previous: null).Since);
    }
}
