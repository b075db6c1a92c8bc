using BankCrm.Web.Resources;
using Microsoft.Extensions.Localization;

namespace BankCrm.Web.Audit;

/// <summary>Names of the audit actions for the auditor's page, from Resources/AuditText (Action.{value}).</summary>
public static class AuditLabels
{
    /// <summary>The label in the current UI culture; an action without one shows as stored.</summary>
    public static string Of(IStringLocalizer<AuditText> text, string action)
    {
        ArgumentNullException.ThrowIfNull(text);
        var label = text["Action." + action];
        return label.ResourceNotFound ? action : label.Value;
    }
}
