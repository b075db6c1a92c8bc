namespace BankCrm.Core.Common;

/// <summary>The outcome of parsing a value object: the value, or the rule it broke.</summary>
public readonly record struct ParseResult<T>(T? Value, string? Rule, string? Message)
    where T : class
{
    public bool IsValid => Value is not null;

    public static ParseResult<T> Ok(T value) => new(value, null, null);

    public static ParseResult<T> Fail(string rule, string message) => new(null, rule, message);
}
