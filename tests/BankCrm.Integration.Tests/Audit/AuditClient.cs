using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BankCrm.Core.Audit;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Integration.Tests.Audit;

internal static partial class AuditClient
{
    public static async Task<List<AuditEntry>> EntriesAsync(this BankCrmApp app, Func<AuditEntry, bool> predicate)
    {
        await using var db = app.CreateDbContext();
        var all = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        return all.Where(predicate).ToList();
    }

    public static async Task<AuditVerifyResponse> VerifyAsync(this BankCrmApp app)
    {
        using var auditor = await app.ClientForAsync("auditor1");
        using var response = await auditor.PostAsync("/api/v1/audit/verify", content: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AuditVerifyResponse>())!;
    }

    /// <summary>Signs in through the static login form, antiforgery token and all, as a browser does.</summary>
    public static async Task<HttpResponseMessage> PostLoginFormAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync("/account/login");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HiddenValue(page, "__RequestVerificationToken"),
            ["_handler"] = HiddenValue(page, "_handler"),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        };
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync("/account/login", form);
    }

    private static string HiddenValue(string html, string name)
    {
        foreach (Match input in HiddenInput().Matches(html))
        {
            if (input.Value.Contains($"name=\"{name}\"", StringComparison.Ordinal))
            {
                return WebUtility.HtmlDecode(ValueAttribute().Match(input.Value).Groups[1].Value);
            }
        }

        throw new Xunit.Sdk.XunitException($"The login page has no hidden input {name}");
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
