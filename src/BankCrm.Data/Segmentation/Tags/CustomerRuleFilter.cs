using System.Globalization;
using System.Linq.Expressions;
using BankCrm.Core.Customers;
using BankCrm.Core.Engagement;
using BankCrm.Core.Holdings;
using BankCrm.Core.Segmentation;
using BankCrm.Core.Segmentation.Tags;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Segmentation.Tags;

/// <summary>
/// Turns a <see cref="CustomerRule"/> into a filter on <c>IQueryable&lt;Customer&gt;</c> built from expression trees:
/// every value becomes a query parameter, never SQL text. The one translation serves the live count in the editors,
/// the nightly tag refresh and segment membership; callers apply the data scope first (<c>VisibleTo</c>).
/// </summary>
public sealed class CustomerRuleFilter(CrmDbContext db)
{
    /// <summary>Transactions the customer did not initiate do not count as activity (interest postings, fees).</summary>
    private static readonly TransactionKind[] NotActivity = [TransactionKind.Interest, TransactionKind.Fee];

    public async Task<RuleContext> ContextAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var latest = await db.ScoringRuns.AsNoTracking()
            .Where(r => r.Status == ScoringRunStatus.Completed && r.RunDate <= asOf)
            .OrderByDescending(r => r.RunDate).Select(r => (DateOnly?)r.RunDate).FirstOrDefaultAsync(cancellationToken);
        return new RuleContext(asOf, latest);
    }

    /// <summary>Customers of <paramref name="customers"/> that match a rule already checked by <see cref="RuleValidator"/>.</summary>
    public IQueryable<Customer> Apply(IQueryable<Customer> customers, CustomerRule rule, RuleContext context) =>
        customers.Where(Predicate(rule, context));

    public Expression<Func<Customer, bool>> Predicate(CustomerRule rule, RuleContext context)
    {
        var groups = rule.Groups
            .Select(g => ExpressionParts.Combine([.. g.Conditions.Select(c => Condition(c, context))], g.Combine == RuleCombine.And))
            .ToList();
        return ExpressionParts.Combine(groups, rule.Combine == RuleCombine.And);
    }

    private Expression<Func<Customer, bool>> Condition(RuleCondition condition, RuleContext context)
    {
        var field = RuleFields.Find(condition.Field) ?? throw new ArgumentException($"Unknown rule field {condition.Field}.", nameof(condition));
        var from = field.NeedsWindow ? context.WindowStart(condition.WindowDays!.Value) : default;
        var runDate = context.LatestRunDate.GetValueOrDefault();
        return field.Code switch
        {
            RuleFields.Age => AgeFilter.Build(condition, context.AsOf),
            RuleFields.Province => Text(c => c.Province, condition),
            RuleFields.City => Text(c => c.City, condition),
            RuleFields.Occupation => Text(c => c.Occupation, condition),
            RuleFields.Industry => Text(c => c.Industry, condition),
            RuleFields.CustomerType => Choice<Customer, CustomerType>(c => c.Type, condition),
            RuleFields.ImportExport => ImportExport(condition.Value == "true"),
            RuleFields.HoldsCategory => HasSet(condition, code => Holding(Enum.Parse<ProductCategory>(code))),
            RuleFields.Aum => Compare(Aum(), condition, Money),
            RuleFields.TxCount => Compare(TransactionCount(from), condition, Whole),
            RuleFields.TxAmount => Compare(TransactionAmount(from), condition, Money),
            RuleFields.MerchantCategory => HasSet(condition, code => CardPurchase(code, from)),
            RuleFields.LoginCount => Compare(EventCount(AppEventKind.Login, from), condition, Whole),
            RuleFields.ProductViewCount => Compare(EventCount(AppEventKind.ProductView, from), condition, Whole),
            RuleFields.FxQueryCount => Compare(EventCount(AppEventKind.FxRateQuery, from), condition, Whole),
            RuleFields.ViewedCategory => HasSet(condition, code => Viewed(Enum.Parse<ProductCategory>(code), from)),
            RuleFields.Tag => HasSet(condition, code => Tagged(long.Parse(code, CultureInfo.InvariantCulture))),
            _ when context.LatestRunDate is null => ExpressionParts.Never<Customer>(),
            RuleFields.Need => HasSet(condition, code => Needs(code, runDate)),
            RuleFields.ValueTier => Scored(Choice<CustomerScore, ValueTier>(s => s.ValueTier, condition), runDate),
            RuleFields.CustomerClass => Scored(Choice<CustomerScore, CustomerClass>(s => s.CustomerClass, condition), runDate),
            RuleFields.LifecycleStage => Scored(Choice<CustomerScore, LifecycleStage>(s => s.LifecycleStage, condition), runDate),
            RuleFields.HealthScore => Scored(Compare<CustomerScore, int>(s => s.HealthScore, condition, Whole), runDate),
            RuleFields.RecencyScore => Scored(Compare<CustomerScore, byte>(s => s.RecencyScore, condition, v => (byte)Whole(v)), runDate),
            RuleFields.FrequencyScore => Scored(Compare<CustomerScore, byte>(s => s.FrequencyScore, condition, v => (byte)Whole(v)), runDate),
            RuleFields.MonetaryScore => Scored(Compare<CustomerScore, byte>(s => s.MonetaryScore, condition, v => (byte)Whole(v)), runDate),
            RuleFields.ChurnProbability => Scored(Compare<CustomerScore, double?>(s => s.ChurnProbability, condition, v => (double)(Money(v) / 100m)), runDate),
            _ => throw new ArgumentException($"Rule field {field.Code} has no translation.", nameof(condition)),
        };
    }

    private static Expression<Func<Customer, bool>> ImportExport(bool value) => c => c.ImportExportBusiness == value;

    private Expression<Func<Customer, decimal>> Aum()
    {
        var assets = ProductCategories.Assets.ToList();
        var assetProducts = db.Products.Where(p => assets.Contains(p.Category)).Select(p => p.Id);
        var accounts = db.Accounts.Where(a => a.Status != AccountStatus.Closed && assetProducts.Contains(a.ProductId));
        return c => accounts.Where(a => a.CustomerId == c.Id).Sum(a => a.Balance);
    }

    private Expression<Func<Customer, bool>> Holding(ProductCategory category)
    {
        var products = db.Products.Where(p => p.Category == category).Select(p => p.Id);
        var accounts = db.Accounts.Where(a => a.Status != AccountStatus.Closed && products.Contains(a.ProductId));
        return c => accounts.Any(a => a.CustomerId == c.Id);
    }

    private Expression<Func<Customer, int>> TransactionCount(DateTime from)
    {
        var transactions = db.Transactions.Where(t => t.OccurredAt >= from && !NotActivity.Contains(t.Kind));
        return c => transactions.Count(t => t.CustomerId == c.Id);
    }

    private Expression<Func<Customer, decimal>> TransactionAmount(DateTime from)
    {
        var transactions = db.Transactions.Where(t => t.OccurredAt >= from && !NotActivity.Contains(t.Kind));
        return c => transactions.Where(t => t.CustomerId == c.Id).Sum(t => t.Amount < 0 ? -t.Amount : t.Amount);
    }

    private Expression<Func<Customer, bool>> CardPurchase(string merchantCategory, DateTime from)
    {
        var transactions = db.Transactions.Where(t => t.OccurredAt >= from && t.MerchantCategory == merchantCategory);
        return c => transactions.Any(t => t.CustomerId == c.Id);
    }

    private Expression<Func<Customer, int>> EventCount(AppEventKind kind, DateTime from)
    {
        var events = db.AppEvents.Where(e => e.Kind == kind && e.OccurredAt >= from);
        return c => events.Count(e => e.CustomerId == c.Id);
    }

    private Expression<Func<Customer, bool>> Viewed(ProductCategory category, DateTime from)
    {
        var products = db.Products.Where(p => p.Category == category).Select(p => (int?)p.Id);
        var events = db.AppEvents.Where(e => e.Kind == AppEventKind.ProductView && e.OccurredAt >= from && products.Contains(e.ProductId));
        return c => events.Any(e => e.CustomerId == c.Id);
    }

    private Expression<Func<Customer, bool>> Tagged(long tagId)
    {
        var tags = db.Set<CustomerTag>().Where(t => t.TagId == tagId);
        return c => tags.Any(t => t.CustomerId == c.Id);
    }

    private Expression<Func<Customer, bool>> Needs(string code, DateOnly runDate)
    {
        var needs = db.CustomerNeeds.Where(n => n.RunDate == runDate && n.NeedCode == code);
        return c => needs.Any(n => n.CustomerId == c.Id);
    }

    private Expression<Func<Customer, bool>> Scored(Expression<Func<CustomerScore, bool>> predicate, DateOnly runDate)
    {
        var scores = db.CustomerScores.Where(s => s.RunDate == runDate).Where(predicate);
        return c => scores.Any(s => s.CustomerId == c.Id);
    }

    /// <summary>Has any (In), all (All) or none (NotIn) of the values.</summary>
    private static Expression<Func<Customer, bool>> HasSet(RuleCondition condition, Func<string, Expression<Func<Customer, bool>>> has)
    {
        var each = condition.Values!.Distinct(StringComparer.Ordinal).Select(has).ToList();
        return condition.Operator switch
        {
            RuleOperator.All => ExpressionParts.Combine(each, and: true),
            RuleOperator.NotIn => ExpressionParts.Not(ExpressionParts.Combine(each, and: false)),
            _ => ExpressionParts.Combine(each, and: false),
        };
    }

    private static Expression<Func<Customer, bool>> Text(Expression<Func<Customer, string?>> selector, RuleCondition condition)
    {
        var value = condition.Value?.Trim();
        var values = condition.Values?.Select(v => v.Trim()).ToList() ?? [];
        Expression<Func<string?, bool>> predicate = condition.Operator switch
        {
            RuleOperator.Eq => x => x == value,
            RuleOperator.Ne => x => x == null || x != value,
            RuleOperator.In => x => values.Contains(x!),
            RuleOperator.NotIn => x => x == null || !values.Contains(x),
            RuleOperator.Contains => x => x != null && x.Contains(value!),
            _ => throw new ArgumentException($"Operator {condition.Operator} does not apply to text.", nameof(condition)),
        };
        return ExpressionParts.Compose(selector, predicate);
    }

    private static Expression<Func<TRow, bool>> Choice<TRow, TEnum>(Expression<Func<TRow, TEnum>> selector, RuleCondition condition)
        where TEnum : struct, Enum
    {
        var values = (condition.Operator is RuleOperator.In or RuleOperator.NotIn ? condition.Values! : [condition.Value!])
            .Select(Enum.Parse<TEnum>).ToList();
        Expression<Func<TEnum, bool>> isIn = x => values.Contains(x);
        var predicate = ExpressionParts.Compose(selector, isIn);
        return condition.Operator is RuleOperator.Ne or RuleOperator.NotIn ? ExpressionParts.Not(predicate) : predicate;
    }

    private static Expression<Func<TRow, bool>> Compare<TRow, T>(Expression<Func<TRow, T>> selector, RuleCondition condition, Func<string, T> parse)
    {
        var x = selector.Body;
        Expression Binary(ExpressionType type, string? text) => Expression.MakeBinary(type, x, ExpressionParts.Parameter(parse(text!)));
        var body = condition.Operator switch
        {
            RuleOperator.Eq => Binary(ExpressionType.Equal, condition.Value),
            RuleOperator.Ne => Binary(ExpressionType.NotEqual, condition.Value),
            RuleOperator.Gt => Binary(ExpressionType.GreaterThan, condition.Value),
            RuleOperator.Ge => Binary(ExpressionType.GreaterThanOrEqual, condition.Value),
            RuleOperator.Lt => Binary(ExpressionType.LessThan, condition.Value),
            RuleOperator.Le => Binary(ExpressionType.LessThanOrEqual, condition.Value),
            RuleOperator.Between => Expression.AndAlso(Binary(ExpressionType.GreaterThanOrEqual, condition.Value), Binary(ExpressionType.LessThanOrEqual, condition.To)),
            _ => throw new ArgumentException($"Operator {condition.Operator} does not apply to numbers.", nameof(condition)),
        };
        return Expression.Lambda<Func<TRow, bool>>(body, selector.Parameters);
    }

    private static decimal Money(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static int Whole(string text) => (int)Money(text);
}
