using System.Globalization;
using System.Linq.Expressions;
using BankCrm.Core.Customers;
using BankCrm.Core.Segmentation.Tags;

namespace BankCrm.Data.Segmentation.Tags;

/// <summary>
/// Age conditions as comparisons of the birth date with dates worked out here, so every database uses its index
/// and no provider needs date arithmetic: "age ≥ 60 on 2026-11-24" is "born on or before 1966-11-24".
/// Customers without a birth date (companies) never match an age condition.
/// </summary>
internal static class AgeFilter
{
    public static Expression<Func<Customer, bool>> Build(RuleCondition condition, DateOnly asOf)
    {
        var age = int.Parse(condition.Value!, NumberStyles.Integer, CultureInfo.InvariantCulture);
        return condition.Operator switch
        {
            RuleOperator.Ge => AtLeast(age, asOf),
            RuleOperator.Gt => AtLeast(age + 1, asOf),
            RuleOperator.Le => AtMost(age, asOf),
            RuleOperator.Lt => AtMost(age - 1, asOf),
            RuleOperator.Eq => ExpressionParts.Combine([AtLeast(age, asOf), AtMost(age, asOf)], and: true),
            RuleOperator.Ne => ExpressionParts.Combine([AtMost(age - 1, asOf), AtLeast(age + 1, asOf)], and: false),
            RuleOperator.Between => ExpressionParts.Combine(
                [AtLeast(age, asOf), AtMost(int.Parse(condition.To!, NumberStyles.Integer, CultureInfo.InvariantCulture), asOf)], and: true),
            _ => throw new ArgumentException($"Operator {condition.Operator} does not apply to age.", nameof(condition)),
        };
    }

    /// <summary>Age ≥ n: born on or before the n-th birthday's date back from today.</summary>
    private static Expression<Func<Customer, bool>> AtLeast(int years, DateOnly asOf)
    {
        DateOnly? latestBirth = asOf.AddYears(-years);
        return c => c.BirthDate != null && c.BirthDate <= latestBirth;
    }

    /// <summary>Age ≤ n: born after the (n+1)-th birthday's date back from today.</summary>
    private static Expression<Func<Customer, bool>> AtMost(int years, DateOnly asOf)
    {
        DateOnly? earliestBirth = asOf.AddYears(-(years + 1));
        return c => c.BirthDate != null && c.BirthDate > earliestBirth;
    }
}
