using BankCrm.Core.Engagement;
using BankCrm.Core.Holdings;

namespace BankCrm.Data.Scoring;

/// <summary>
/// The queries of the streamed run (PostgreSQL): each reads every customer after <c>@after</c> once, in customer
/// order, and the run merges them customer by customer along the customers who may be profiled (that stream is
/// EF Core's translation of <see cref="Consent.ProfilingScope"/>, built in <see cref="StreamedSignals"/>). The aggregates return the columns of
/// <see cref="SignalSql"/> in the same order; FILTER instead of CASE skips the aggregate call for rows that do not
/// count, and the transactions are grouped per account too, so the asset flow needs no join per transaction.
/// </summary>
internal static class SignalStreamSql
{
    private static readonly string CustomerInitiated = SignalSql.CustomerInitiated;

    /// <summary>
    /// Every account, closed ones too (their flows count for the asset flow); the product's category and name come
    /// from the products read before (a few dozen rows). The currency is null for CNY, which spares a string per account.
    /// </summary>
    public const string Accounts = $"""
        SELECT a.customer_id, a.id, a.product_id, a.balance, NULLIF(a.currency, '{ReferenceRates.Cny}'), a.opened_on, a.matures_on, a.status
        FROM accounts a
        WHERE a.customer_id > @after
        ORDER BY a.customer_id
        """;

    /// <summary>
    /// Per customer and account, so no join is needed: column 6 is the account's net flow over six months, which
    /// the merge adds up over the customer's asset accounts; column 12 is the account. With <paramref name="churn"/>
    /// the churn model's inputs follow (<see cref="ChurnColumns"/>): they count rows after the run date too, so
    /// the scan has no upper bound and every other column stops at <c>@end</c> itself.
    /// </summary>
    public static string Transactions(bool churn)
    {
        var until = churn ? " AND t.occurred_at < @end" : "";
        return $"""
            SELECT t.customer_id,
              MAX(t.occurred_at) FILTER (WHERE {CustomerInitiated} AND t.occurred_at >= @rfm{until}),
              COUNT(*) FILTER (WHERE {CustomerInitiated} AND t.occurred_at >= @rfm{until}),
              SUM(ABS(t.amount)) FILTER (WHERE {CustomerInitiated} AND t.occurred_at >= @rfm{until}),
              COUNT(*) FILTER (WHERE {CustomerInitiated} AND t.occurred_at >= @cur{until}),
              COUNT(*) FILTER (WHERE {CustomerInitiated} AND t.occurred_at >= @prev AND t.occurred_at < @cur),
              SUM(t.amount) FILTER (WHERE t.occurred_at >= @m6{until}),
              COUNT(*) FILTER (WHERE t.occurred_at >= @m3{until} AND t.kind IN ({(int)TransactionKind.CrossBorderRemittanceIn},{(int)TransactionKind.CrossBorderRemittanceOut})),
              COUNT(*) FILTER (WHERE t.occurred_at >= @m6{until} AND t.merchant_category = '母婴'),
              SUM(ABS(t.amount)) FILTER (WHERE t.occurred_at >= @m6{until} AND t.merchant_category = '母婴'),
              COUNT(*) FILTER (WHERE t.occurred_at >= @m6{until} AND t.merchant_category = '教育'),
              COUNT(*) FILTER (WHERE t.occurred_at >= @m6{until} AND t.merchant_category = '家居'),
              t.account_id{(churn ? ChurnColumns : "")}
            FROM transactions t
            WHERE t.customer_id > @after AND t.occurred_at >= @scan{(churn ? "" : " AND t.occurred_at < @end")}
            GROUP BY t.customer_id, t.account_id
            ORDER BY t.customer_id, t.account_id
            """;
    }

    /// <summary>
    /// Columns 13–24 of <see cref="Transactions"/> for the churn model, per account: the flows of
    /// <see cref="Churn.ChurnFlows"/> and the counts of <see cref="Churn.ChurnActivity"/> (the per-batch
    /// <see cref="Churn.ChurnFeatureQuery"/> computes the same per customer).
    /// </summary>
    private static readonly string ChurnColumns = "," + $"""

              SUM(t.amount) FILTER (WHERE t.occurred_at >= @end),
              COUNT(*) FILTER (WHERE t.occurred_at >= @end),
              SUM(t.amount) FILTER (WHERE t.occurred_at >= @c60 AND t.occurred_at < @end),
              SUM(t.amount) FILTER (WHERE t.occurred_at >= @c90 AND t.occurred_at < @end),
              COUNT(*) FILTER (WHERE t.occurred_at >= @c30 AND t.occurred_at < @end),
              COUNT(*) FILTER (WHERE t.occurred_at >= @c90 AND t.occurred_at < @end),
              COUNT(*) FILTER (WHERE t.occurred_at >= @c180 AND t.occurred_at < @c90),
              MAX(t.occurred_at) FILTER (WHERE t.occurred_at >= @c180 AND t.occurred_at < @end),
              COUNT(*) FILTER (WHERE t.kind = {(int)TransactionKind.Salary} AND t.occurred_at >= @c60 AND t.occurred_at < @end),
              COUNT(*) FILTER (WHERE t.kind = {(int)TransactionKind.Salary} AND t.occurred_at >= @c180 AND t.occurred_at < @c60),
              COUNT(*) FILTER (WHERE t.kind = {(int)TransactionKind.WealthRedemption} AND t.amount < 0 AND t.occurred_at >= @c90 AND t.occurred_at < @end),
              SUM(-t.amount) FILTER (WHERE t.kind IN ({(int)TransactionKind.TransferOut},{(int)TransactionKind.CrossBorderRemittanceOut}) AND t.occurred_at >= @c90 AND t.occurred_at < @end)
        """;

    /// <summary>App events per customer; with <paramref name="churn"/>, columns 5–7 count the logins of <see cref="Churn.ChurnLogins"/>.</summary>
    public static string AppEvents(bool churn)
    {
        var login = $"e.kind = {(int)AppEventKind.Login}";
        var churnColumns = churn
            ? "," + $"""

              COUNT(*) FILTER (WHERE {login} AND e.occurred_at >= @c30),
              COUNT(*) FILTER (WHERE {login} AND e.occurred_at >= @c90),
              COUNT(*) FILTER (WHERE {login} AND e.occurred_at >= @c180 AND e.occurred_at < @c90)
            """
            : "";
        return $"""
            SELECT e.customer_id,
              COUNT(*) FILTER (WHERE {login} AND e.occurred_at >= @cur),
              COUNT(*) FILTER (WHERE {login} AND e.occurred_at >= @prev AND e.occurred_at < @cur),
              COUNT(*) FILTER (WHERE e.kind = {(int)AppEventKind.FxRateQuery} AND e.occurred_at >= @m3),
              COUNT(*) FILTER (WHERE e.kind = {(int)AppEventKind.ProductView} AND e.occurred_at >= @d30
                AND e.product_id IN (SELECT p.id FROM products p WHERE p.category IN ({(int)ProductCategory.Wealth},{(int)ProductCategory.Fund}))){churnColumns}
            FROM app_events e
            WHERE e.customer_id > @after AND e.occurred_at >= @escan AND e.occurred_at < @end
            GROUP BY e.customer_id
            ORDER BY e.customer_id
            """;
    }

    /// <summary>Complaint notes of 12 months; columns 2–3 count those of the churn model's 180 days (<see cref="Churn.ChurnNotes"/>).</summary>
    public const string Complaints = """
        SELECT i.customer_id, COUNT(*),
          COUNT(*) FILTER (WHERE i.occurred_at >= @c180 AND i.summary LIKE '%投诉%'),
          COUNT(*) FILTER (WHERE i.occurred_at >= @c180 AND (i.summary LIKE '%他行%' OR i.summary LIKE '%其他银行%'))
        FROM interactions i
        WHERE i.customer_id > @after AND i.occurred_at >= @m12 AND i.occurred_at < @end
          AND (i.summary LIKE '%投诉%' OR i.summary LIKE '%不满%' OR i.summary LIKE '%他行%' OR i.summary LIKE '%其他银行%')
        GROUP BY i.customer_id
        ORDER BY i.customer_id
        """;

    public const string Previous = """
        SELECT s.customer_id, s.lifecycle_stage, s.stage_since
        FROM customer_scores s
        WHERE s.run_date = @previous AND s.customer_id > @after
        ORDER BY s.customer_id
        """;

    /// <summary>
    /// Session settings of the streams, for their transaction only. The planner takes the (customer_id, occurred_at)
    /// indexes for far fewer distinct customers than there are (ANALYZE samples 30,000 of 50 million rows) and picks a
    /// hash aggregate that spills gigabytes to disk, or a sort of every row; a group aggregate over the index order
    /// streams in customer order with no memory (the accounts of one customer are sorted among themselves).
    /// </summary>
    public const string Settings = "SET LOCAL enable_hashagg = off; SET LOCAL enable_sort = off";

    /// <summary>
    /// Only the transactions, the biggest table by far, are read in parallel (as the server allows): with the
    /// leader only merging, the workers aggregate. The other streams finish well before it on one process each;
    /// more workers there cost more CPU (each worker plans, compiles and hands its rows over) than they save.
    /// </summary>
    public const string Parallel = "SET LOCAL parallel_leader_participation = off";

    public const string Serial = "SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL jit = off";
}
