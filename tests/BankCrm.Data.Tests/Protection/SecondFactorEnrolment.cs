using BankCrm.Data.Database;
using BankCrm.Data.Organization;
using BankCrm.Data.Protection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Data.Tests.Protection;

/// <summary>
/// TOTP enrolment of a member of staff through ASP.NET Core Identity on the app's user store, as the MFA setup page
/// does it, and the clear token rows a database written before the secrets were protected holds.
/// </summary>
public static class SecondFactorEnrolment
{
    public sealed record Secrets(string UserId, string AuthenticatorKey, IReadOnlyList<string> RecoveryCodes)
    {
        /// <summary>Every form in which a secret could be read back from the bytes of a file.</summary>
        public IEnumerable<string> Readable() =>
            new[] { AuthenticatorKey, AuthenticatorKey.ToLowerInvariant() }
                .Concat(RecoveryCodes)
                .Concat(RecoveryCodes.Select(c => c.Replace("-", string.Empty, StringComparison.Ordinal)));
    }

    public static async Task<Secrets> EnrolAsync(CrmDbContextFactory factory, string userName)
    {
        await using var services = Services(factory);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await FindAsync(users, factory, userName);
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? throw new InvalidOperationException("no recovery codes");
        return new Secrets(user.Id, await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("no key"), [.. codes]);
    }

    /// <summary>What Identity's own store wrote before this app protected the tokens: the key and the codes in clear.</summary>
    public static async Task<Secrets> StoreInClearAsync(CrmDbContextFactory factory, string userName)
    {
        await using var db = factory.CreateDbContext();
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        var secrets = new Secrets(userId, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", ["2BCDF-GHJKM", "3NPQR-TVWXY", "4BCDF-GHJKM", "5NPQR-TVWXY"]);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"AspNetUserTokens\" (user_id, login_provider, name, value) VALUES ({0}, '[AspNetUserStore]', 'AuthenticatorKey', {1}), ({0}, '[AspNetUserStore]', 'RecoveryCodes', {2})",
            userId, secrets.AuthenticatorKey, string.Join(';', secrets.RecoveryCodes));
        await db.Database.ExecuteSqlRawAsync("UPDATE \"AspNetUsers\" SET two_factor_enabled = {0} WHERE id = {1}", true, userId);
        return secrets;
    }

    /// <summary>The app reads the key back, and each recovery code signs in once only.</summary>
    public static async Task AssertUsableAsync(CrmDbContextFactory factory, Secrets secrets)
    {
        await using var services = Services(factory);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByIdAsync(secrets.UserId) ?? throw new InvalidOperationException("user gone");

        Assert.Equal(secrets.AuthenticatorKey, await users.GetAuthenticatorKeyAsync(user));
        Assert.Equal(secrets.RecoveryCodes.Count, await users.CountRecoveryCodesAsync(user));
        Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(user, secrets.RecoveryCodes[0])).Succeeded);
        Assert.False((await users.RedeemTwoFactorRecoveryCodeAsync(user, secrets.RecoveryCodes[0])).Succeeded);
        Assert.False((await users.RedeemTwoFactorRecoveryCodeAsync(user, "ZZZZZ-ZZZZZ")).Succeeded);
        Assert.Equal(secrets.RecoveryCodes.Count - 1, await users.CountRecoveryCodesAsync(user));
    }

    private static ServiceProvider Services(CrmDbContextFactory factory)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped<CrmDbContext>(_ => factory.CreateDbContext());
        services.AddIdentityCore<StaffUser>().AddRoles<IdentityRole>().AddUserStore<StaffUserStore>();
        return services.BuildServiceProvider();
    }

    private static async Task<StaffUser> FindAsync(UserManager<StaffUser> users, CrmDbContextFactory factory, string userName)
    {
        await using var db = factory.CreateDbContext();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await users.FindByIdAsync(id) ?? throw new InvalidOperationException($"no user {userName}");
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
