using System.Linq.Expressions;
using System.Reflection;
using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BankCrm.Data.Protection;

/// <summary>
/// Refuses a query that compares, sorts or searches an encrypted column by value: with a random nonce per value such
/// a query would run and silently find nothing. Comparing with null stays allowed (null is stored as null). Runs
/// only when EF Core compiles a query, not on every execution.
/// </summary>
internal sealed class EncryptedComparisonGuard : IQueryExpressionInterceptor
{
    public static readonly EncryptedComparisonGuard Instance = new();

    private static readonly HashSet<MemberInfo> Encrypted =
    [
        typeof(Customer).GetProperty(nameof(Customer.IdNumber))!,
        typeof(Customer).GetProperty(nameof(Customer.Mobile))!,
        typeof(IdentityDocument).GetProperty(nameof(IdentityDocument.Number))!,
        typeof(ContactPoint).GetProperty(nameof(ContactPoint.Value))!,
        typeof(Account).GetProperty(nameof(Account.AccountNumber))!,
        typeof(FieldChange).GetProperty(nameof(FieldChange.OldValue))!,
        typeof(FieldChange).GetProperty(nameof(FieldChange.NewValue))!,
    ];

    private static readonly HashSet<string> SortingMethods = ["OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "GroupBy", "Distinct", "Min", "Max"];

    private EncryptedComparisonGuard()
    {
    }

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        new Finder().Visit(queryExpression);
        return queryExpression;
    }

    private static bool IsEncrypted(Expression? expression) =>
        expression is MemberExpression member && Encrypted.Contains(member.Member);

    private static InvalidOperationException Refuse(Expression expression) => new(
        $"{((MemberExpression)expression).Member.DeclaringType!.Name}.{((MemberExpression)expression).Member.Name} is stored encrypted: a query cannot compare, " +
        "sort or search it by value. Use its blind index (ProtectedLookups.WithIdNumber / WithMobile / WithAccountNumber) or filter after reading.");

    private sealed class Finder : ExpressionVisitor
    {
        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.NodeType is not (ExpressionType.Coalesce or ExpressionType.AndAlso or ExpressionType.OrElse))
            {
                if (IsEncrypted(node.Left) && !IsNull(node.Right))
                {
                    throw Refuse(node.Left);
                }

                if (IsEncrypted(node.Right) && !IsNull(node.Left))
                {
                    throw Refuse(node.Right);
                }
            }

            return base.VisitBinary(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            // string methods on the column (Contains, StartsWith, Equals…) and Contains(column) on a list of values.
            if (IsEncrypted(node.Object) && node.Method.DeclaringType == typeof(string))
            {
                throw Refuse(node.Object!);
            }

            if (node.Method.Name is "Contains" or "Equals" && node.Arguments.FirstOrDefault(IsEncrypted) is { } argument)
            {
                throw Refuse(argument);
            }

            if (SortingMethods.Contains(node.Method.Name) && node.Arguments.Count > 1 && Unquote(node.Arguments[1]) is LambdaExpression { Body: var body } && IsEncrypted(body))
            {
                throw Refuse(body);
            }

            return base.VisitMethodCall(node);
        }

        private static bool IsNull(Expression expression) => expression is ConstantExpression { Value: null };

        private static Expression Unquote(Expression expression) => expression is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : expression;
    }
}
