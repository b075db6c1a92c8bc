using System.Net;
using System.Net.Http.Json;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Integration.Tests.Identity;

/// <summary>Full ID number and mobile only after a TOTP step-up with a stated purpose (checklist Z5).</summary>
public abstract class StepUpTests(BankCrmApp app)
{
    [Fact]
    public async Task Reveal_without_step_up_is_refused_and_after_step_up_shows_the_full_values()
    {
        var (userName, key) = await AccountForms.CreateStaffAsync(app, enrolTotp: true);
        var customer = await AnyCustomerWithIdNumberAsync();
        using var client = app.CreateAnonymousClient();
        (await AccountForms.SignInAsync(client, userName)).Dispose();
        (await AccountForms.SubmitCodeAsync(client, AccountForms.Code(key!))).Dispose();

        using (var refused = await client.PostAsync($"/api/v1/customers/{customer.Id}/identifiers/reveal", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Contains("需要二次验证", body, StringComparison.Ordinal);
            Assert.DoesNotContain(customer.IdNumber, body, StringComparison.Ordinal);
        }

        using (var wrong = await StepUpAsync(client, AccountForms.WrongCode(key!), "风险核查"))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("动态口令错误", await wrong.TextAsync(), StringComparison.Ordinal);
        }

        using (var stillRefused = await client.PostAsync($"/api/v1/customers/{customer.Id}/identifiers/reveal", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, stillRefused.StatusCode);
        }

        // The login used this step's code; the next step's code is the one the app shows 30 seconds later.
        using (var confirmed = await StepUpAsync(client, AccountForms.Code(key!, stepsAhead: 1), "风险核查", $"/customers/{customer.Id}?reveal=1"))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
            Assert.Equal($"/customers/{customer.Id}?reveal=1", confirmed.LocationPath());
        }

        using var revealed = await client.PostAsync($"/api/v1/customers/{customer.Id}/identifiers/reveal", null);
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        var values = await revealed.Content.ReadFromJsonAsync<Identifiers>();
        Assert.Equal(customer.IdNumber, values!.IdNumber);
        var audited = Assert.Single(await app.EntriesAsync(e => e.CustomerId == customer.Id && e.Fields == "id_number,mobile"));
        Assert.Equal(BankCrm.Core.Audit.AuditActions.CustomerViewedSensitive, audited.Action);
        Assert.Equal("风险核查", audited.Purpose);
    }

    [Fact]
    public async Task Step_up_needs_a_purpose()
    {
        var (userName, key) = await AccountForms.CreateStaffAsync(app, enrolTotp: true);
        using var client = app.CreateAnonymousClient();
        (await AccountForms.SignInAsync(client, userName)).Dispose();
        (await AccountForms.SubmitCodeAsync(client, AccountForms.Code(key!))).Dispose();

        using var other = await StepUpAsync(client, AccountForms.Code(key!, stepsAhead: 1), "其他");

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Contains("查看目的", await other.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_without_totp_are_told_to_enrol_first()
    {
        var (userName, _) = await AccountForms.CreateStaffAsync(app, enrolTotp: false);
        var customer = await AnyCustomerWithIdNumberAsync();
        using var client = app.CreateAnonymousClient();
        (await AccountForms.SignInAsync(client, userName)).Dispose();

        using var refused = await client.PostAsync($"/api/v1/customers/{customer.Id}/identifiers/reveal", null);
        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/account/step-up"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("请先启用动态口令", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("您尚未启用", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bearer_token_never_reveals()
    {
        var customer = await AnyCustomerWithIdNumberAsync();
        using var client = await app.ClientForAsync("compliance1");

        using var refused = await client.PostAsync($"/api/v1/customers/{customer.Id}/identifiers/reveal", null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static Task<HttpResponseMessage> StepUpAsync(HttpClient client, string code, string purpose, string returnUrl = "/") =>
        AccountForms.PostAsync(client, "/account/step-up?returnUrl=" + Uri.EscapeDataString(returnUrl), new Dictionary<string, string>
        {
            ["Purpose"] = purpose,
            ["Code"] = code,
        });

    private async Task<(long Id, string IdNumber)> AnyCustomerWithIdNumberAsync()
    {
        await using var db = app.CreateDbContext();
        var customer = await db.Customers.AsNoTracking().Where(c => c.IdNumber != null).OrderBy(c => c.Id).Select(c => new { c.Id, c.IdNumber }).FirstAsync();
        return (customer.Id, customer.IdNumber!);
    }

    private sealed record Identifiers(long CustomerId, string IdNumber, string Mobile);
}

public sealed class StepUpTestsOnSqlite(SqliteApp app) : StepUpTests(app), IClassFixture<SqliteApp>;

public sealed class StepUpTestsOnPostgres(PostgresApp app) : StepUpTests(app), IClassFixture<PostgresApp>;
