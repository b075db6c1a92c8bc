using System.Net;
using System.Net.Http.Json;
using BankCrm.Core.Audit;
using BankCrm.Core.Organization;
using BankCrm.Data.Organization;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Web.Staff;

namespace BankCrm.Integration.Tests.Security;

/// <summary>Role changes are permission changes: admins only, validated, audited before → after, effective at once.</summary>
public abstract class StaffAdministrationTests(BankCrmApp app)
{
    [Fact]
    public async Task Admin_changes_roles_the_change_is_audited_and_the_old_token_stops_working()
    {
        using var admin = await app.ClientForAsync("admin");
        var userName = "s" + Guid.NewGuid().ToString("N")[..8];
        var created = await CreateAsync(admin, userName, [StaffRole.Teller]);
        using var asTeller = await app.ClientWithNewTokenAsync(new { userName, password = DemoStaff.Password });
        Assert.Equal(HttpStatusCode.OK, (await asTeller.GetAsync("/api/v1/customers?pageSize=1")).StatusCode);

        using var changed = await admin.PutAsJsonAsync($"/api/v1/staff/{created.Id}/roles", new { roles = new[] { StaffRole.Auditor } });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal([StaffRole.Auditor], (await changed.Content.ReadFromJsonAsync<StaffLine>())!.Roles);
        var entry = Assert.Single(await app.EntriesAsync(e => e.Action == AuditActions.PermissionChanged && e.Detail!.StartsWith(userName + ": Teller", StringComparison.Ordinal)));
        Assert.Equal($"{userName}: Teller → Auditor", entry.Detail);
        Assert.Equal("admin", entry.ActorName);
        using var stale = await asTeller.GetAsync("/api/v1/customers?pageSize=1");
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        using var asAuditor = await app.ClientWithNewTokenAsync(new { userName, password = DemoStaff.Password });
        Assert.Equal(HttpStatusCode.OK, (await asAuditor.GetAsync("/api/v1/audit")).StatusCode);
    }

    [Theory]
    [InlineData("manager1")]
    [InlineData("auditor1")]
    [InlineData("rm1")]
    public async Task Only_admins_manage_staff(string userName)
    {
        using var client = await app.ClientForAsync(userName);

        using var response = await client.GetAsync("/api/v1/staff");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_roles_and_an_empty_role_list_are_refused_naming_the_field()
    {
        using var admin = await app.ClientForAsync("admin");

        using var unknown = await admin.PostAsJsonAsync("/api/v1/staff", new { userName = "x" + Guid.NewGuid().ToString("N")[..8], displayName = "某人", roles = new[] { "SuperUser" }, password = DemoStaff.Password });
        using var none = await admin.PostAsJsonAsync("/api/v1/staff", new { userName = "y" + Guid.NewGuid().ToString("N")[..8], displayName = "某人", roles = Array.Empty<string>(), password = DemoStaff.Password });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(["未知角色：SuperUser"], (await unknown.ProblemAsync()).Errors("roles"));
        Assert.Equal(["请至少选择一个角色"], (await none.ProblemAsync()).Errors("roles"));
    }

    [Fact]
    public async Task An_admin_cannot_remove_their_own_admin_role()
    {
        using var admin = await app.ClientForAsync("admin");
        var me = (await admin.GetFromJsonAsync<List<StaffLine>>("/api/v1/staff"))!.Single(s => s.UserName == "admin");

        using var response = await admin.PutAsJsonAsync($"/api/v1/staff/{me.Id}/roles", new { roles = new[] { StaffRole.Teller } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(StaffRole.Admin, (await admin.GetFromJsonAsync<List<StaffLine>>("/api/v1/staff"))!.Single(s => s.UserName == "admin").Roles);
    }

    [Fact]
    public async Task A_locked_account_cannot_get_a_token_until_unlocked()
    {
        using var admin = await app.ClientForAsync("admin");
        var userName = "l" + Guid.NewGuid().ToString("N")[..8];
        var created = await CreateAsync(admin, userName, [StaffRole.RelationshipManager]);

        (await admin.PostAsync($"/api/v1/staff/{created.Id}/lock", null)).EnsureSuccessStatusCode();
        using var anonymous = app.CreateAnonymousClient();
        using var refused = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoStaff.Password });
        (await admin.PostAsync($"/api/v1/staff/{created.Id}/unlock", null)).EnsureSuccessStatusCode();
        using var allowed = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoStaff.Password });

        Assert.Equal(HttpStatusCode.Locked, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Single(await app.EntriesAsync(e => e.Action == AuditActions.StaffLocked && e.Detail == userName));
    }

    private static async Task<StaffLine> CreateAsync(HttpClient admin, string userName, string[] roles)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/staff", new { userName, displayName = "测试员工", branchId = DemoStaff.HomeBranchId, roles, password = DemoStaff.Password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<StaffLine>())!;
    }
}

public sealed class StaffAdministrationTestsOnSqlite(SqliteApp app) : StaffAdministrationTests(app), IClassFixture<SqliteApp>;

public sealed class StaffAdministrationTestsOnPostgres(PostgresApp app) : StaffAdministrationTests(app), IClassFixture<PostgresApp>;
