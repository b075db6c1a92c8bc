using System.Net;
using System.Text.RegularExpressions;
using BankCrm.Data.Organization;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace BankCrm.Integration.Tests.Identity;

/// <summary>Posts the static account forms the way a browser does (antiforgery token included), and makes test staff.</summary>
internal static partial class AccountForms
{
    public const string Password = DemoStaff.Password;

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IDictionary<string, string> input)
    {
        var page = await client.GetStringAsync(path);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HiddenValue(page, "__RequestVerificationToken"),
            ["_handler"] = HiddenValue(page, "_handler"),
        };
        foreach (var (name, value) in input)
        {
            fields["Input." + name] = value;
        }

        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, form);
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password = Password) =>
        PostAsync(client, "/account/login", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });

    /// <summary>
    /// Signs a demo login in through the login pages as its owner would: the password, then, for staff with holdings
    /// access (who have TOTP enrolled in the tests, see DemoLogins), a code the app has not seen yet.
    /// </summary>
    public static async Task<HttpResponseMessage> SignInAsDemoAsync(BankCrmApp app, HttpClient client, string userName)
    {
        if (!DemoLogins.HasHoldingsAccess(userName))
        {
            return await SignInAsync(client, userName);
        }

        var code = await app.NextTotpCodeAsync(userName);
        using var password = await SignInAsync(client, userName);
        if (password.StatusCode != HttpStatusCode.Redirect || !password.LocationPath().StartsWith("/account/login/mfa", StringComparison.Ordinal))
        {
            throw new Xunit.Sdk.XunitException($"{userName} has TOTP enrolled, but the password did not lead to the code page: {(int)password.StatusCode} {password.Headers.Location}");
        }

        return await PostAsync(client, password.LocationPath(), new Dictionary<string, string> { ["Code"] = code });
    }

    public static Task<HttpResponseMessage> SubmitCodeAsync(HttpClient client, string code) =>
        PostAsync(client, "/account/login/mfa", new Dictionary<string, string> { ["Code"] = code });

    public static async Task<string> TextAsync(this HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>A new member of staff with head-office scope (sees every customer) and, when asked, TOTP enrolled.</summary>
    public static async Task<(string UserName, string? Key)> CreateStaffAsync(BankCrmApp app, bool enrolTotp)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = "t" + Guid.NewGuid().ToString("N")[..10], DisplayName = "测试员", BranchId = DemoStaff.HomeBranchId };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, Core.Organization.StaffRole.ComplianceOfficer));
        if (!enrolTotp)
        {
            return (user.UserName, null);
        }

        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return (user.UserName, await users.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>The code an authenticator app shows now, or <paramref name="stepsAhead"/> 30-second steps later.</summary>
    public static string Code(string key, int stepsAhead = 0) =>
        new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(30 * stepsAhead));

    /// <summary>The code an authenticator shows at <paramref name="at"/>, for a host on a fake clock.</summary>
    public static string CodeAt(string key, DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(at.UtcDateTime);

    /// <summary>Six digits that are not the code of any step the server accepts now.</summary>
    public static string WrongCode(string key)
    {
        var valid = Enumerable.Range(-2, 5).Select(step => Code(key, step)).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, 100).Select(i => (123456 + (i * 7919)).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    public static string HiddenValue(string html, string name)
    {
        foreach (Match input in HiddenInput().Matches(html))
        {
            if (input.Value.Contains($"name=\"{name}\"", StringComparison.Ordinal))
            {
                return WebUtility.HtmlDecode(ValueAttribute().Match(input.Value).Groups[1].Value);
            }
        }

        throw new Xunit.Sdk.XunitException($"The page has no hidden input {name}:\n{html}");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
