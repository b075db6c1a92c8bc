using BankCrm.Web.Identity;

namespace BankCrm.Web.Security;

/// <summary>
/// Guards the API's asset details (balances, holdings, transactions, AUM trend): without a TOTP step-up in the last
/// 15 minutes the answer is 403 with how to get one. A bearer token requested with a TOTP code and a purpose counts.
/// </summary>
public sealed class AssetStepUpFilter(StepUp stepUp) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!stepUp.ShowsAssetDetails(context.HttpContext.User))
        {
            return TypedResults.Problem(
                title: "需要二次验证",
                detail: "查看资产明细需在 15 分钟内完成动态口令验证并说明目的：网页请打开 /account/step-up；API 请在 POST /api/v1/auth/token 中提供 twoFactorCode 和 purpose。",
                statusCode: StatusCodes.Status403Forbidden,
                extensions: new Dictionary<string, object?> { ["stepUpRequired"] = true });
        }

        return await next(context);
    }
}
