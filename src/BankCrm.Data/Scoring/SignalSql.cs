using BankCrm.Core.Engagement;
using BankCrm.Core.Holdings;

namespace BankCrm.Data.Scoring;

/// <summary>
/// The aggregate queries of a batch, one row per customer, over a range of customer ids. Plain SQL that both
/// providers run as is: each is a range scan of the (customer_id, occurred_at) index, and the demo and
/// production loads write a customer's rows together, so a batch reads neighbouring pages. The streamed run on
/// PostgreSQL computes the same columns in the same order over every customer at once (<see cref="SignalStreamSql"/>).
/// </summary>
internal static class SignalSql
{
    public static readonly string Assets = string.Join(",", ProductCategories.Assets.Select(c => (int)c));

    // Interest and fees are the bank's doing, not the customer's: they count neither for RFM nor for activity.
    public static readonly string CustomerInitiated = $"t.kind NOT IN ({(int)TransactionKind.Interest},{(int)TransactionKind.Fee})";

    /// <summary>Just the RFM values (columns 1–3 of <see cref="Transactions"/>), for the quintile sample.</summary>
    public static readonly string Rfm = $"""
        SELECT t.customer_id, MAX(t.occurred_at), COUNT(*), SUM(ABS(t.amount))
        FROM transactions t
        WHERE t.customer_id > @from AND t.customer_id <= @to AND t.occurred_at >= @rfm AND t.occurred_at < @end AND {CustomerInitiated}
        GROUP BY t.customer_id
        """;

    public static readonly string Transactions = $"""
        SELECT t.customer_id,
          MAX(CASE WHEN {CustomerInitiated} AND t.occurred_at >= @rfm THEN t.occurred_at END),
          SUM(CASE WHEN {CustomerInitiated} AND t.occurred_at >= @rfm THEN 1 ELSE 0 END),
          SUM(CASE WHEN {CustomerInitiated} AND t.occurred_at >= @rfm THEN ABS(t.amount) ELSE 0 END),
          SUM(CASE WHEN {CustomerInitiated} AND t.occurred_at >= @cur THEN 1 ELSE 0 END),
          SUM(CASE WHEN {CustomerInitiated} AND t.occurred_at >= @prev AND t.occurred_at < @cur THEN 1 ELSE 0 END),
          SUM(CASE WHEN t.occurred_at >= @m6 AND p.category IN ({Assets}) THEN t.amount ELSE 0 END),
          SUM(CASE WHEN t.occurred_at >= @m3 AND t.kind IN ({(int)TransactionKind.CrossBorderRemittanceIn},{(int)TransactionKind.CrossBorderRemittanceOut}) THEN 1 ELSE 0 END),
          SUM(CASE WHEN t.occurred_at >= @m6 AND t.merchant_category = '母婴' THEN 1 ELSE 0 END),
          SUM(CASE WHEN t.occurred_at >= @m6 AND t.merchant_category = '母婴' THEN ABS(t.amount) ELSE 0 END),
          SUM(CASE WHEN t.occurred_at >= @m6 AND t.merchant_category = '教育' THEN 1 ELSE 0 END),
          SUM(CASE WHEN t.occurred_at >= @m6 AND t.merchant_category = '家居' THEN 1 ELSE 0 END)
        FROM transactions t
        LEFT JOIN accounts a ON a.id = t.account_id AND a.customer_id > @from AND a.customer_id <= @to
        LEFT JOIN products p ON p.id = a.product_id
        WHERE t.customer_id > @from AND t.customer_id <= @to AND t.occurred_at >= @scan AND t.occurred_at < @end
        GROUP BY t.customer_id
        """;

    public static readonly string AppEvents = $"""
        SELECT e.customer_id,
          SUM(CASE WHEN e.kind = {(int)AppEventKind.Login} AND e.occurred_at >= @cur THEN 1 ELSE 0 END),
          SUM(CASE WHEN e.kind = {(int)AppEventKind.Login} AND e.occurred_at >= @prev AND e.occurred_at < @cur THEN 1 ELSE 0 END),
          SUM(CASE WHEN e.kind = {(int)AppEventKind.FxRateQuery} AND e.occurred_at >= @m3 THEN 1 ELSE 0 END),
          SUM(CASE WHEN e.kind = {(int)AppEventKind.ProductView} AND e.occurred_at >= @d30 AND p.category IN ({(int)ProductCategory.Wealth},{(int)ProductCategory.Fund}) THEN 1 ELSE 0 END)
        FROM app_events e
        LEFT JOIN products p ON p.id = e.product_id
        WHERE e.customer_id > @from AND e.customer_id <= @to AND e.occurred_at >= @escan AND e.occurred_at < @end
        GROUP BY e.customer_id
        """;

    // The account join repeats the batch's id range: without it PostgreSQL hashes the whole accounts table per batch.

    /// <summary>Until complaints and NPS surveys have their own module, staff notes that record dissatisfaction stand in.</summary>
    public const string Complaints = """
        SELECT i.customer_id, COUNT(*)
        FROM interactions i
        WHERE i.customer_id > @from AND i.customer_id <= @to AND i.occurred_at >= @m12 AND i.occurred_at < @end
          AND (i.summary LIKE '%投诉%' OR i.summary LIKE '%不满%' OR i.summary LIKE '%他行%' OR i.summary LIKE '%其他银行%')
        GROUP BY i.customer_id
        """;
}
