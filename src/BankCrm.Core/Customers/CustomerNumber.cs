using System.Globalization;

namespace BankCrm.Core.Customers;

/// <summary>Customer numbers look like C00012345: a C and eight digits.</summary>
public static class CustomerNumber
{
    public static string From(long sequence) => string.Create(CultureInfo.InvariantCulture, $"C{sequence:D8}");

    public static bool IsWellFormed(string? value) =>
        value is { Length: 9 } && value[0] == 'C' && value.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;
}
