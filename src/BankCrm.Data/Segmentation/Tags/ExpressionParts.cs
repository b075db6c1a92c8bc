using System.Linq.Expressions;

namespace BankCrm.Data.Segmentation.Tags;

/// <summary>Small pieces for composing predicate expression trees that EF Core translates.</summary>
internal static class ExpressionParts
{
    /// <summary>A value EF Core sends as a query parameter (a closure member), never as SQL text.</summary>
    public static Expression Parameter<T>(T value) =>
        Expression.Property(Expression.Constant(new Box<T>(value)), nameof(Box<T>.Value));

    public static Expression<Func<TIn, bool>> Combine<TIn>(IReadOnlyList<Expression<Func<TIn, bool>>> parts, bool and)
    {
        var parameter = Expression.Parameter(typeof(TIn), "c");
        var body = parts.Select(p => Rebind(p, parameter)).Aggregate((left, right) => and ? Expression.AndAlso(left, right) : Expression.OrElse(left, right));
        return Expression.Lambda<Func<TIn, bool>>(body, parameter);
    }

    /// <summary>x => predicate(selector(x)).</summary>
    public static Expression<Func<TIn, bool>> Compose<TIn, TValue>(Expression<Func<TIn, TValue>> selector, Expression<Func<TValue, bool>> predicate)
    {
        var body = new Replace(predicate.Parameters[0], selector.Body).Visit(predicate.Body)!;
        return Expression.Lambda<Func<TIn, bool>>(body, selector.Parameters);
    }

    public static Expression<Func<TIn, bool>> Not<TIn>(Expression<Func<TIn, bool>> predicate) =>
        Expression.Lambda<Func<TIn, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

    public static Expression<Func<TIn, bool>> Never<TIn>() => _ => false;

    private static Expression Rebind<TIn>(Expression<Func<TIn, bool>> lambda, ParameterExpression parameter) =>
        new Replace(lambda.Parameters[0], parameter).Visit(lambda.Body)!;

    private sealed class Box<T>(T value)
    {
        public T Value { get; } = value;
    }

    private sealed class Replace(Expression from, Expression to) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) => node == from ? to : base.Visit(node);
    }
}
