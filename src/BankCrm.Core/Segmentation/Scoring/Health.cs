namespace BankCrm.Core.Segmentation.Scoring;

public sealed record HealthScore(int Value, int Behaviour, int Satisfaction, int Total);

/// <summary>
/// Seed 002 三(四)1 客户健康度: value (AUM, product penetration), behaviour (login frequency, transaction activity)
/// and satisfaction (complaints, NPS), each 0–100; the total weighs them 40 / 40 / 20.
/// </summary>
public static class Health
{
    /// <summary>AUM on a log scale: ¥1,000 or less scores 0, ¥10,000,000 or more 100.</summary>
    public static int AumPoints(decimal aum) =>
        aum <= 1_000m ? 0 : Clamp(100 * Math.Log10((double)aum / 1_000) / 4);

    /// <summary>20 points per product category held, full marks at five.</summary>
    public static int PenetrationPoints(int categories) => Clamp(20 * categories);

    /// <summary>Per month of the activity period: four logins, or four transactions, score 100.</summary>
    public static int ActivityPoints(int count, int months) => Clamp(25.0 * count / Math.Max(1, months));

    public static int ValueComponent(decimal aum, int categories) =>
        Clamp(0.6 * AumPoints(aum) + 0.4 * PenetrationPoints(categories));

    public static int BehaviourComponent(int transactions, int logins, int months) =>
        Clamp(0.6 * ActivityPoints(transactions, months) + 0.4 * ActivityPoints(logins, months));

    /// <summary>
    /// NPS 0–10 gives 10 points a step when known, otherwise 80 (no known dissatisfaction); each complaint in the
    /// last 12 months costs 20.
    /// </summary>
    public static int SatisfactionComponent(int complaints, int? nps) =>
        Clamp((nps is { } n ? 10 * n : 80) - 20 * complaints);

    public static HealthScore Score(CustomerSignals signals, int productPenetration, int activityMonths)
    {
        var value = ValueComponent(signals.Aum, productPenetration);
        var behaviour = BehaviourComponent(signals.TransactionsCurrent, signals.LoginsCurrent, activityMonths);
        var satisfaction = SatisfactionComponent(signals.Complaints12Months, signals.Nps);
        return new HealthScore(value, behaviour, satisfaction, Clamp(0.4 * value + 0.4 * behaviour + 0.2 * satisfaction));
    }

    private static int Clamp(double points) => (int)Math.Round(Math.Clamp(points, 0, 100), MidpointRounding.AwayFromZero);
}
