using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BankCrm.Data.Organization;

/// <summary>
/// How staff passwords are hashed: Identity's V3 format (PBKDF2-HMAC-SHA512) with the OWASP iteration count, above
/// Identity's default of 100,000 (checklist K1). Older hashes are rehashed at the next successful sign-in.
/// </summary>
public static class StaffPasswordHashing
{
    public const int Iterations = 210_000;

    public static void Configure(PasswordHasherOptions options) => options.IterationCount = Iterations;

    /// <summary>A hasher for code that runs without the web host's services (the demo seeder, the CLI).</summary>
    public static PasswordHasher<StaffUser> Hasher()
    {
        var options = new PasswordHasherOptions();
        Configure(options);
        return new PasswordHasher<StaffUser>(Options.Create(options));
    }
}
