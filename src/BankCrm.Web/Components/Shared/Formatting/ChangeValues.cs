using BankCrm.Core.Customers;

namespace BankCrm.Web.Components.Shared.Formatting;

/// <summary>A value in the change history as the user reads it: enum names and flags translated, empty as a dash.</summary>
public static class ChangeValues
{
    /// <remarks>Values arrive already masked by the query (ID number, mobile, e-mail).</remarks>
    public static string Describe(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "—";
        }

        return field switch
        {
            nameof(CustomerProfile.Type) when Enum.TryParse<CustomerType>(value, out var type) => Labels.Of(type),
            nameof(CustomerProfile.Gender) when Enum.TryParse<Gender>(value, out var gender) => Labels.Of(gender),
            nameof(CustomerProfile.ImportExportBusiness) => Labels.YesNo(value == "true"),
            _ => value,
        };
    }
}
