using System.Collections.Concurrent;
using BankCrm.Core.Organization;
using BankCrm.Data.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace BankCrm.Integration.Tests.Hosting;

/// <summary>
/// How the tests sign demo logins in the way real staff must. Staff with holdings access read balances only after a
/// TOTP step-up, so the first time one is asked for, its authenticator is enrolled through the Identity API (as the
/// enrolment page does) and each token request carries a code and a purpose. The app accepts a code once per
/// 30-second step and user (replay protection), so the codes handed out here are of steps it has not seen yet: this
/// step, then the next (the app accepts one step ahead), then the test waits for the clock.
/// </summary>
internal sealed class DemoLogins
{
    /// <summary>The purpose the tests' step-up tokens state; the audit records it.</summary>
    public const string StepUpPurpose = "自动化测试核查";

    /// <summary>A cached token is replaced before the 15-minute step-up window it carries ends.</summary>
    public static readonly TimeSpan TokenRenewal = TimeSpan.FromMinutes(10);

    private const int StepSeconds = 30;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> lastSteps = new(StringComparer.Ordinal);

    public static bool HasHoldingsAccess(string userName) =>
        DemoStaff.Logins.Any(l => l.UserName == userName && PermissionMatrix.Allows([l.Role], Permissions.HoldingsRead));

    /// <summary>One caller at a time per user, so two tests never spend the same step's code.</summary>
    public async Task<IAsyncDisposable> LockAsync(string userName)
    {
        var gate = gates.GetOrAdd(userName, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        return new Release(gate);
    }

    /// <summary>The token request body for <paramref name="userName"/>; the caller holds its lock.</summary>
    public async Task<object> TokenRequestAsync(BankCrmApp app, string userName) =>
        HasHoldingsAccess(userName)
            ? new { userName, password = DemoStaff.Password, twoFactorCode = await NextCodeAsync(app, userName), purpose = StepUpPurpose }
            : new { userName, password = DemoStaff.Password };

    /// <summary>A code of a step the app has not accepted for this user yet; the caller holds its lock.</summary>
    public async Task<string> NextCodeAsync(BankCrmApp app, string userName)
    {
        var key = keys.TryGetValue(userName, out var known) ? known : keys[userName] = await EnrolAsync(app, userName);
        var now = CurrentStep();
        var step = lastSteps.TryGetValue(userName, out var last) ? Math.Max(now, last + 1) : now;
        while (step > CurrentStep() + 1)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        lastSteps[userName] = step;
        return new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * StepSeconds).UtcDateTime);
    }

    private static long CurrentStep() => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;

    private static async Task<string> EnrolAsync(BankCrmApp app, string userName)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No demo login {userName}.");
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            throw new InvalidOperationException($"{userName} has an authenticator the tests do not know; enrol demo logins only through BankCrmApp.");
        }

        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException($"No authenticator key for {userName}.");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
