namespace BankCrm.Core.Holdings;

/// <summary>
/// CNY value of foreign-currency balances, for totals such as AUM. Holdings are a read model from core banking;
/// until the daily rate feed is connected these fixed reference rates (CNY per unit, late 2026) are used.
/// </summary>
public static class ReferenceRates
{
    public const string Cny = "CNY";

    private static readonly Dictionary<string, decimal> CnyPerUnit = new(StringComparer.OrdinalIgnoreCase)
    {
        [Cny] = 1m,
        ["USD"] = 7.10m,
        ["EUR"] = 7.70m,
        ["HKD"] = 0.91m,
        ["GBP"] = 9.00m,
        ["JPY"] = 0.047m,
    };

    public static decimal ToCny(decimal amount, string? currency) =>
        string.IsNullOrEmpty(currency) || !CnyPerUnit.TryGetValue(currency, out var rate)
            ? amount
            : decimal.Round(amount * rate, 2, MidpointRounding.ToEven);
}
