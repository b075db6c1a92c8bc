using System.Net;
using System.Net.Http.Json;
using BankCrm.Core.Audit;
using BankCrm.Data.Organization;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Integration.Tests.Identity;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Integration.Tests.Security;

/// <summary>Asset details (C2) only within 15 minutes of a TOTP step-up with a purpose, which the audit entry records.</summary>
public abstract class AssetStepUpTests(BankCrmApp app)
{
    [Theory]
    [InlineData("/360")]
    [InlineData("/transactions")]
    [InlineData("/balance-trend")]
    public async Task Asset_details_need_a_token_issued_with_a_code_and_a_purpose(string part)
    {
        var (userName, key) = await AccountForms.CreateStaffAsync(app, enrolTotp: true);
        var customerId = await AnyCustomerIdAsync();

        using var plain = await app.ClientWithNewTokenAsync(new { userName, password = AccountForms.Password, twoFactorCode = AccountForms.Code(key!) });
        using (var refused = await plain.GetAsync($"/api/v1/customers/{customerId}{part}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("需要二次验证", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The basic profile is not an asset detail: the same token reads it.
        using (var profile = await plain.GetAsync($"/api/v1/customers/{customerId}"))
        {
            Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        }

        using var steppedUp = await app.ClientWithNewTokenAsync(new { userName, password = AccountForms.Password, twoFactorCode = AccountForms.Code(key!, stepsAhead: 1), purpose = "贷后检查" });
        using var allowed = await steppedUp.GetAsync($"/api/v1/customers/{customerId}{part}");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        var entry = Assert.Single(await app.EntriesAsync(e => e.CustomerId == customerId && e.ActorName == userName && e.Action == AuditActions.CustomerViewedSensitive));
        Assert.Equal("贷后检查", entry.Purpose);
    }

    [Fact]
    public async Task A_purpose_without_a_code_is_no_step_up()
    {
        var customerId = await AnyCustomerIdAsync();
        using var client = await app.ClientWithNewTokenAsync(new { userName = "rm1", password = DemoStaff.Password, purpose = "客户服务" });

        using var refused = await client.GetAsync($"/api/v1/customers/{customerId}/360");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private async Task<long> AnyCustomerIdAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Customers.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
    }
}

public sealed class StepUpSqliteApp : SqliteApp
{
    protected override bool AssetDetailsNeedStepUp => true;
}

public sealed class StepUpPostgresApp : PostgresApp
{
    protected override bool AssetDetailsNeedStepUp => true;
}

public sealed class AssetStepUpTestsOnSqlite(StepUpSqliteApp app) : AssetStepUpTests(app), IClassFixture<StepUpSqliteApp>;

public sealed class AssetStepUpTestsOnPostgres(StepUpPostgresApp app) : AssetStepUpTests(app), IClassFixture<StepUpPostgresApp>;
