using System.Net;
using System.Net.Http.Json;
using BankCrm.Core.Audit;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Integration.Tests.Audit;

internal static class AuditClient
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
    public static Task<HttpResponseMessage> PostLoginFormAsync(HttpClient client, string userName, string password) =>
        Identity.AccountForms.SignInAsync(client, userName, password);
}
