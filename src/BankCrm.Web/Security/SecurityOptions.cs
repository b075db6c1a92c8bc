namespace BankCrm.Web.Security;

/// <summary>The <c>Security</c> configuration section; the defaults are the documented policy (docs/security.md).</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Staff who have not enrolled TOTP are sent to enrolment after the password (off in the demo).</summary>
    public bool RequireMfa { get; set; }

    /// <summary>Sliding idle timeout of the sign-in cookie.</summary>
    public int IdleTimeoutMinutes { get; set; } = 15;

    /// <summary>A session ends this long after the password was entered, however active it is.</summary>
    public int AbsoluteTimeoutHours { get; set; } = 8;

    /// <summary>Login form posts, TOTP posts and token requests per client address and minute.</summary>
    public int LoginRateLimitPerMinute { get; set; } = 10;

    /// <summary>
    /// Asset details (balances, holdings, transactions, the AUM trend) are shown only within 15 minutes of a TOTP
    /// step-up with a stated purpose, in the UI and the API (seed 002: 客户经理查看资产明细需双重认证).
    /// </summary>
    public bool AssetDetailsNeedStepUp { get; set; } = true;

    /// <summary>API requests per signed-in user and minute.</summary>
    public int ApiRateLimitPerMinute { get; set; } = 600;
}
