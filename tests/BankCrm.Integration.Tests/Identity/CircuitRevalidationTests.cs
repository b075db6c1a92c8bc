using System.Security.Claims;
using BankCrm.Data.Organization;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Integration.Tests.Identity;

/// <summary>The check an open Blazor circuit runs every minute (checklist S4).</summary>
public abstract class CircuitRevalidationTests(BankCrmApp app)
{
    [Fact]
    public async Task A_circuit_principal_is_invalid_once_the_user_signed_out_elsewhere()
    {
        var (userName, _) = await AccountForms.CreateStaffAsync(app, enrolTotp: false);
        using var scope = app.Services.CreateScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<StaffUser>>();
        var check = scope.ServiceProvider.GetRequiredService<CircuitRevalidation>();
        var user = (await signIn.UserManager.FindByNameAsync(userName))!;
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionCookie.StartedClaim, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.True(await check.IsStillValidAsync(signIn.UserManager, principal));

        // Logout changes the security stamp (SessionCookie.SignOutEverywhereAsync).
        await signIn.UserManager.UpdateSecurityStampAsync(user);

        Assert.False(await check.IsStillValidAsync(signIn.UserManager, principal));
    }

    [Fact]
    public async Task A_circuit_principal_is_invalid_eight_hours_after_the_password()
    {
        var (userName, _) = await AccountForms.CreateStaffAsync(app, enrolTotp: false);
        using var scope = app.Services.CreateScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<StaffUser>>();
        var check = scope.ServiceProvider.GetRequiredService<CircuitRevalidation>();
        var principal = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByNameAsync(userName))!);
        var started = TimeProvider.System.GetUtcNow().AddHours(-8).AddMinutes(-1).ToUnixTimeSeconds();
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionCookie.StartedClaim, started.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.False(await check.IsStillValidAsync(signIn.UserManager, principal));
    }
}

public sealed class CircuitRevalidationTestsOnSqlite(SqliteApp app) : CircuitRevalidationTests(app), IClassFixture<SqliteApp>;

public sealed class CircuitRevalidationTestsOnPostgres(PostgresApp app) : CircuitRevalidationTests(app), IClassFixture<PostgresApp>;
