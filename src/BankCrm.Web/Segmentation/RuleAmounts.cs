using System.Security.Claims;
using BankCrm.Core.Common;
using BankCrm.Core.Segmentation.Tags;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BankCrm.Web.Segmentation;

/// <summary>
/// Where the aggregate rule for money (<see cref="AmountConditions"/>) meets the caller: amount fields in a rule only for
/// whom <see cref="StepUp.ShowsAssetAmounts"/> allows; every save and every count of a rule, in the API and the UI, asks here.
/// </summary>
public static class RuleAmounts
{
    /// <summary>The amount conditions the caller may not set (empty when allowed, or when the JSON is for the validator to refuse).</summary>
    public static IReadOnlyList<FieldError> Refused(StepUp stepUp, ClaimsPrincipal user, string? ruleJson, string? storedJson = null)
    {
        if (stepUp.ShowsAssetAmounts(user) || RuleJson.Read(ruleJson).Rule is not { } rule)
        {
            return [];
        }

        return AmountConditions.Refused(rule, storedJson is null ? null : RuleJson.Read(storedJson).Rule);
    }

    /// <summary>403 with the conditions named, so a client can show each refusal under its condition.</summary>
    public static ProblemHttpResult Problem(IReadOnlyList<FieldError> refused) => TypedResults.Problem(
        title: "规则不能使用金额字段",
        detail: string.Join("；", refused.Select(e => e.Message)),
        statusCode: StatusCodes.Status403Forbidden,
        extensions: new Dictionary<string, object?> { ["errors"] = FieldErrors.ToDictionary(refused) });
}
