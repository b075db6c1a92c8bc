using System.Text.Json;
using BankCrm.Core.Customers;

namespace BankCrm.Core.Audit;

/// <summary>Builds the JSON detail of an audit entry; before/after values of personal fields are masked first.</summary>
public static class AuditDetail
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Changes(IEnumerable<FieldChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var items = changes.Select(c => new Dictionary<string, string?>
        {
            ["field"] = c.Field,
            ["before"] = Mask(c.Field, c.OldValue),
            ["after"] = Mask(c.Field, c.NewValue),
        });
        return JsonSerializer.Serialize(new { changes = items }, Json);
    }

    public static string Of(object values) => JsonSerializer.Serialize(values, Json);

    /// <summary>Masks a value by the name of the customer field it came from; fields that are not personal pass unchanged.</summary>
    public static string? Mask(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        return field switch
        {
            nameof(Customer.IdNumber) => Masking.IdNumber(value),
            nameof(Customer.Mobile) => Masking.Mobile(value),
            nameof(Customer.Email) => Masking.Email(value),
            nameof(Customer.Name) or nameof(Customer.LegalRepresentative) => Masking.Name(value),
            // Street address and birth date identify a person on their own; the log keeps only that they changed.
            nameof(Customer.AddressLine) or nameof(Customer.BirthDate) => "****",
            _ => value,
        };
    }
}
