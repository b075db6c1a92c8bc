using System.Globalization;
using BankCrm.Core.Common;
using BankCrm.Core.Customers;

namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>Turns a cell (CSV text or a typed Excel value) into the values of a customer profile.</summary>
internal static class CellText
{
    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyyMMdd", "yyyy.M.d", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss"];

    // Excel stores dates as days since 1899-12-30; 2958465 is 9999-12-31.
    private const double MaxExcelSerial = 2_958_465;

    /// <summary>The cell as the user would read it. Excel numbers keep their own form, so a mangled ID stays "1.1E+17".</summary>
    public static string? From(object? cell) => cell switch
    {
        null => null,
        string text => text,
        double number => number.ToString(CultureInfo.InvariantCulture),
        DateTime date => date.TimeOfDay == TimeSpan.Zero ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? "TRUE" : "FALSE",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };

    public static bool TryType(string text, out CustomerType type)
    {
        type = TextNormalizer.Compact(text).ToLowerInvariant() switch
        {
            "个人" or "个人客户" or "individual" or "personal" => CustomerType.Individual,
            "对公" or "对公客户" or "企业" or "公司" or "corporate" or "company" => CustomerType.Corporate,
            _ => 0,
        };
        return type != 0;
    }

    public static bool TryGender(string text, out Gender gender)
    {
        gender = TextNormalizer.Compact(text).ToLowerInvariant() switch
        {
            "男" or "male" or "m" => Gender.Male,
            "女" or "female" or "f" => Gender.Female,
            _ => 0,
        };
        return gender != 0;
    }

    public static bool TryYesNo(string text, out bool value)
    {
        switch (TextNormalizer.Compact(text).ToLowerInvariant())
        {
            case "是" or "有" or "y" or "yes" or "true" or "1":
                value = true;
                return true;
            case "否" or "无" or "n" or "no" or "false" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>Excel date cells arrive as dates, or as serial numbers when the cell is not formatted as a date.</summary>
    public static bool TryDate(object? cell, string text, out DateOnly date)
    {
        switch (cell)
        {
            case DateTime dateCell:
                date = DateOnly.FromDateTime(dateCell);
                return true;
            case double serial when serial is >= 1 and <= MaxExcelSerial && serial == Math.Floor(serial):
                date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
                return true;
            default:
                var parsed = DateTime.TryParseExact(TextNormalizer.Clean(text), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value);
                date = DateOnly.FromDateTime(value);
                return parsed;
        }
    }
}
