using System.Net;
using System.Net.Http.Json;
using BankCrm.Core.Audit;
using BankCrm.Data.Database;
using BankCrm.Data.Organization;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Integration.Tests.Identity;

/// <summary>The <c>staff add-admin</c> verb: the first administrator of an install without the demo bank.</summary>
public abstract class AddAdminCommandTests(BankCrmApp app)
{
    [Fact]
    public async Task Add_admin_creates_an_administrator_who_can_sign_in_with_a_slow_hash_and_is_audited()
    {
        var userName = "ops" + Guid.NewGuid().ToString("N")[..8];
        const string password = "Lujiazui-Night-2026";

        Assert.Equal(0, await RunAsync(userName, password));

        using var anonymous = app.CreateAnonymousClient();
        var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        await using var db = app.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        Assert.Equal(StaffPasswordHashing.Iterations, IterationsOf(user.PasswordHash!));
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync();
        Assert.Equal(["Admin"], roles);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.PermissionChanged && e.Detail!.Contains(userName)));
    }

    [Theory]
    [InlineData("short1", "too short")]
    [InlineData("ops-contains", "ops-contains-its-own-name")]
    public async Task Add_admin_refuses_a_weak_password_and_creates_nothing(string userName, string password)
    {
        Assert.Equal(2, await RunAsync(userName, password));
        await using var db = app.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == userName));
    }

    [Fact]
    public async Task Add_admin_refuses_a_name_that_exists_and_leaves_that_account_as_it_was()
    {
        await using var before = app.CreateDbContext();
        var hash = await before.Users.Where(u => u.UserName == "rm1").Select(u => u.PasswordHash).SingleAsync();

        Assert.Equal(2, await RunAsync("rm1", "Another-Long-Password-1"));

        await using var after = app.CreateDbContext();
        Assert.Equal(hash, await after.Users.Where(u => u.UserName == "rm1").Select(u => u.PasswordHash).SingleAsync());
    }

    /// <summary>Identity's V3 hash: format byte, PRF (4 bytes), iteration count (4 bytes, big-endian), …</summary>
    private static int IterationsOf(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return (bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8];
    }

    private async Task<int> RunAsync(string userName, string password)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, password + "\n");
            var options = app.Services.GetRequiredService<DatabaseOptions>();
            return await CommandLine.RunAsync(["staff", "add-admin", "--user", userName, "--password-file", file,
                $"--Database:Provider={options.Provider}", $"--ConnectionStrings:Crm={options.ConnectionString}", $"--Encryption:KeyFile={app.KeyFile}"]);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

public sealed class AddAdminCommandTestsOnSqlite(SqliteApp app) : AddAdminCommandTests(app), IClassFixture<SqliteApp>;

public sealed class AddAdminCommandTestsOnPostgres(PostgresApp app) : AddAdminCommandTests(app), IClassFixture<PostgresApp>;
