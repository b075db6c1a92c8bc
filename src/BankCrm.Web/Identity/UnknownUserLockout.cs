using System.Security.Cryptography;
using BankCrm.Data.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace BankCrm.Web.Identity;

/// <summary>
/// Sign-in attempts on user names that do not exist go through the same lockout as real accounts (issue 11, finding 5):
/// the password is checked against a hash made by the same hasher (so the answer takes as long), failures are counted
/// per name, and the attempt that reaches <see cref="LockoutOptions.MaxFailedAccessAttempts"/> and every attempt
/// within the lockout after it answer "locked out", as Identity does for a real account. Without this, a name that
/// ever answers 423 is known to exist. The counts live in this node's memory (bounded; see docs/security.md).
/// </summary>
internal sealed class UnknownUserLockout(IOptions<IdentityOptions> options, TimeProvider time) : IDisposable
{
    private const int MaxNames = 100_000;

    private readonly MemoryCache counts = new(new MemoryCacheOptions { SizeLimit = MaxNames });
    private string? decoyHash;

    /// <summary><paramref name="hasher"/> is the user manager's (a scoped service), so the decoy costs what a real check costs.</summary>
    public SignInResult Check(string normalizedName, string password, IPasswordHasher<StaffUser> hasher)
    {
        var lockout = options.Value.Lockout;
        var now = time.GetUtcNow();
        var state = counts.GetOrCreate(normalizedName, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = lockout.DefaultLockoutTimeSpan;
            return new Attempts();
        })!;

        lock (state)
        {
            // Identity answers a locked account without looking at the password.
            if (state.LockedUntil > now)
            {
                return SignInResult.LockedOut;
            }
        }

        decoyHash ??= hasher.HashPassword(new StaffUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        _ = hasher.VerifyHashedPassword(new StaffUser(), decoyHash, password);
        lock (state)
        {
            state.Failures++;
            if (state.Failures < lockout.MaxFailedAccessAttempts)
            {
                return SignInResult.Failed;
            }

            state.Failures = 0;
            state.LockedUntil = now + lockout.DefaultLockoutTimeSpan;
            return SignInResult.LockedOut;
        }
    }

    public void Dispose() => counts.Dispose();

    private sealed class Attempts
    {
        public int Failures { get; set; }

        public DateTimeOffset LockedUntil { get; set; }
    }
}
