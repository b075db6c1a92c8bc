namespace BankCrm.Data.Scoring.Churn;

/// <summary>
/// The churn model's input vector: the order of <see cref="Features"/> is the order the model was trained on, and
/// <see cref="Name"/> changes whenever it changes, so a scorer never feeds a model the wrong columns. Each feature
/// belongs to a topic; the explanation speaks per topic, so three related features do not give three sentences.
/// </summary>
internal static class ChurnFeatureSet
{
    public const string Name = "churn-db-1";

    public static readonly IReadOnlyList<ChurnFeature> Features =
    [
        new("is_corporate", ChurnTopic.Profile, f => f.IsCorporate ? 1 : 0),
        new("age", ChurnTopic.Profile, f => f.Age),
        new("tenure_years", ChurnTopic.Tenure, f => f.TenureYears),
        new("product_categories", ChurnTopic.Products, f => f.ProductCategories),
        new("transactions_30", ChurnTopic.Transactions, f => f.Transactions30),
        new("transactions_90", ChurnTopic.Transactions, f => f.Transactions90),
        new("transactions_previous_90", ChurnTopic.Transactions, f => f.TransactionsPrevious90),
        new("transaction_change_90", ChurnTopic.Transactions, f => f.TransactionChange90),
        new("days_since_last_transaction", ChurnTopic.Transactions, f => f.DaysSinceLastTransaction),
        new("salaries_60", ChurnTopic.Salary, f => f.Salaries60),
        new("salaries_previous_120", ChurnTopic.Salary, f => f.SalariesPrevious120),
        new("transfer_out_share_90", ChurnTopic.TransfersOut, f => f.TransferOutShare90),
        new("redemptions_90", ChurnTopic.Redemptions, f => f.Redemptions90),
        new("aum", ChurnTopic.Assets, f => f.Aum),
        new("aum_change_60", ChurnTopic.Assets, f => f.AumChange60),
        new("aum_change_90", ChurnTopic.Assets, f => f.AumChange90),
        new("logins_30", ChurnTopic.Logins, f => f.Logins30),
        new("logins_90", ChurnTopic.Logins, f => f.Logins90),
        new("login_change_90", ChurnTopic.Logins, f => f.LoginChange90),
        new("complaints_180", ChurnTopic.Complaints, f => f.Complaints180),
        new("other_bank_mentions_180", ChurnTopic.OtherBanks, f => f.OtherBankMentions180),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. Features.Select(f => f.Name)];

    public static float[] Vector(ChurnFeatures features)
    {
        var vector = new float[Features.Count];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)Features[i].Value(features);
        }

        return vector;
    }
}

internal sealed record ChurnFeature(string Name, ChurnTopic Topic, Func<ChurnFeatures, double> Value);

internal enum ChurnTopic
{
    Profile,
    Tenure,
    Products,
    Transactions,
    Salary,
    TransfersOut,
    Redemptions,
    Assets,
    Logins,
    Complaints,
    OtherBanks,
}
