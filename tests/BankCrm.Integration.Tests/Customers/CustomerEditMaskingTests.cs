using System.Net;
using BankCrm.Core.Audit;
using BankCrm.Core.Customers;
using BankCrm.Core.Organization;
using BankCrm.Data.Organization;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Integration.Tests.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Integration.Tests.Customers;

/// <summary>
/// Issue 11, finding 6: the edit page (编辑资料) shows the ID number and mobile as the 360 page does — masked, and in
/// full only after a TOTP step-up, with the read audited.
/// </summary>
public abstract class CustomerEditMaskingTests(BankCrmApp app)
{
    [Fact]
    public async Task A_branch_manager_without_a_second_factor_sees_the_edit_page_masked_and_no_read_is_recorded()
    {
        var (customer, input) = await CustomerOfBranchOneAsync("东方编辑");
        using var manager = await app.ClientForAsync("manager1");

        foreach (var path in new[] { $"/customers/{customer.Id}/edit", $"/customers/{customer.Id}/edit?reveal=1" })
        {
            using var response = await manager.GetAsync(path);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("东方编辑", html, StringComparison.Ordinal);
            Assert.Contains(Masking.IdNumber(input.IdNumber), html, StringComparison.Ordinal);
            Assert.Contains(Masking.Mobile(input.Mobile), html, StringComparison.Ordinal);
            Assert.DoesNotContain(input.IdNumber!, html, StringComparison.Ordinal);
            Assert.DoesNotContain(input.Mobile!, html, StringComparison.Ordinal);
        }

        Assert.Empty(await app.EntriesAsync(e => e.CustomerId == customer.Id && e.Action == AuditActions.CustomerViewedSensitive));
    }

    [Fact]
    public async Task After_a_step_up_the_edit_page_shows_the_full_values_and_the_read_is_audited()
    {
        var (customer, input) = await CustomerOfBranchOneAsync("东方验证");
        var (userName, key) = await BranchManagerWithTotpAsync();
        using var client = app.CreateAnonymousClient();
        (await AccountForms.SignInAsync(client, userName)).Dispose();
        (await AccountForms.SubmitCodeAsync(client, AccountForms.Code(key))).Dispose();
        var edit = $"/customers/{customer.Id}/edit?reveal=1";

        var before = WebUtility.HtmlDecode(await client.GetStringAsync(edit));
        Assert.DoesNotContain(input.IdNumber!, before, StringComparison.Ordinal);

        using (var stepUp = await AccountForms.PostAsync(client, "/account/step-up?returnUrl=" + Uri.EscapeDataString(edit), new Dictionary<string, string>
        {
            ["Purpose"] = "业务办理",
            ["Code"] = AccountForms.Code(key, stepsAhead: 1),
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, stepUp.StatusCode);
        }

        var after = WebUtility.HtmlDecode(await client.GetStringAsync(edit));
        Assert.Contains(input.IdNumber!, after, StringComparison.Ordinal);
        Assert.Contains(input.Mobile!, after, StringComparison.Ordinal);
        var read = Assert.Single(await app.EntriesAsync(e => e.CustomerId == customer.Id && e.Action == AuditActions.CustomerViewedSensitive));
        Assert.Equal((userName, "id_number,mobile", "业务办理"), (read.ActorName, read.Fields, read.Purpose));
    }

    private async Task<(Web.Customers.CustomerResponse Customer, CustomerInput Input)> CustomerOfBranchOneAsync(string name)
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var input = CustomerApi.Individual(name);
        return (await rm1.CreateAsync(input), input);
    }

    /// <summary>A new branch manager of branch 1 (where rm1's customers are) with TOTP enrolled.</summary>
    private async Task<(string UserName, string Key)> BranchManagerWithTotpAsync()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = "bm" + Guid.NewGuid().ToString("N")[..10], DisplayName = "测试行长", BranchId = DemoStaff.HomeBranchId };
        Assert.True((await users.CreateAsync(user, AccountForms.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, StaffRole.BranchManager)).Succeeded);
        Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        return (user.UserName, (await users.GetAuthenticatorKeyAsync(user))!);
    }
}

public sealed class CustomerEditMaskingTestsOnSqlite(SqliteApp app) : CustomerEditMaskingTests(app), IClassFixture<SqliteApp>;

public sealed class CustomerEditMaskingTestsOnPostgres(PostgresApp app) : CustomerEditMaskingTests(app), IClassFixture<PostgresApp>;
