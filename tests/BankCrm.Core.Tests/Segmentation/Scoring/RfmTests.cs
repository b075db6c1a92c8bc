using BankCrm.Core.Segmentation.Scoring;

namespace BankCrm.Core.Tests.Segmentation.Scoring;

public sealed class RfmTests
{
    [Fact]
    public void Score_WhenOneToHundred_PutsTwentyInEachQuintile()
    {
        var values = Enumerable.Range(1, 100).Select(v => (double)v).ToList();
        var cuts = Rfm.CutPoints(values);

        var counts = values.GroupBy(v => Rfm.Score(v, cuts)).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal([20.0, 40.0, 60.0, 80.0], cuts);
        Assert.All(Enumerable.Range(1, 5), score => Assert.Equal(20, counts[(byte)score]));
    }

    [Fact]
    public void Score_WhenValuesTie_GivesThemTheSameScore()
    {
        // Half the customers made no transaction: all of them must share one score, not be split by their order.
        double[] values = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var cuts = Rfm.CutPoints(values);

        var zeroScores = values.Where(v => v == 0).Select(v => Rfm.Score(v, cuts)).Distinct().ToList();

        Assert.Equal([(byte)1], zeroScores);
        Assert.Equal(5, Rfm.Score(10, cuts));
    }

    [Fact]
    public void Score_WhenEveryValueIsEqual_IsOneForAll()
    {
        var cuts = Rfm.CutPoints(Enumerable.Repeat(3.0, 50));

        Assert.Equal(1, Rfm.Score(3, cuts));
    }

    [Fact]
    public void RecencyScore_WhenMoreRecent_IsHigher()
    {
        var population = Enumerable.Range(1, 100).Select(d => Signals.Individual() with
        {
            Frequency = 1,
            LastTransactionAt = Signals.RunDate.AddDays(-d).ToDateTime(new TimeOnly(4, 0), DateTimeKind.Utc),
        }).ToList();
        var thresholds = RfmThresholds.From(population, Signals.RunDate);

        Assert.Equal(5, Rfm.RecencyScore(1, thresholds));
        Assert.Equal(1, Rfm.RecencyScore(100, thresholds));
        Assert.Equal(1, Rfm.RecencyScore(null, thresholds));
    }

    [Fact]
    public void RecencyDays_WhenLastTransactionLateInTheChinaDay_CountsChinaDays()
    {
        // 2026-11-23 20:00 UTC is 2026-11-24 04:00 in China: the run date itself, zero days ago.
        var signals = Signals.Individual() with { Frequency = 1, LastTransactionAt = new DateTime(2026, 11, 23, 20, 0, 0, DateTimeKind.Utc) };

        Assert.Equal(0, Rfm.RecencyDays(signals, Signals.RunDate));
    }
}
