using System.Security.Cryptography;
using System.Text;
using BankCrm.Data.Database;
using BankCrm.Data.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace BankCrm.Data.Protection;

/// <summary>
/// Identity's EF Core store, with the recovery codes kept as keyed hashes (<see cref="RecoveryCodeHashes"/>) instead
/// of in clear. Every token value, the authenticator key included, is also encrypted by the column's value converter
/// (<see cref="ProtectedColumns"/>), as Identity's own <c>[ProtectedPersonalData]</c> on the token value intends.
/// </summary>
public sealed class StaffUserStore(CrmDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<StaffUser, IdentityRole, CrmDbContext>(context, describer)
{
    private KeyRing Ring => (ProtectionOptions.FindProtector(Context) ?? throw new InvalidOperationException("This database context has no encryption keys.")).Ring;

    public override Task ReplaceCodesAsync(StaffUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken = default) =>
        SetTokenAsync(user, RecoveryCodeHashes.LoginProvider, RecoveryCodeHashes.TokenName, RecoveryCodeHashes.Store(Ring, user.Id, recoveryCodes), cancellationToken);

    public override async Task<bool> RedeemCodeAsync(StaffUser user, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(code);
        var hashes = await StoredHashesAsync(user, cancellationToken);
        var typed = Encoding.ASCII.GetBytes(RecoveryCodeHashes.Of(Ring, user.Id, code));
        var index = hashes.FindIndex(h => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(h), typed));
        if (index < 0)
        {
            return false;
        }

        // A recovery code works once: the others are written back without it.
        hashes.RemoveAt(index);
        await SetTokenAsync(user, RecoveryCodeHashes.LoginProvider, RecoveryCodeHashes.TokenName, RecoveryCodeHashes.Prefix + string.Join(';', hashes), cancellationToken);
        return true;
    }

    public override async Task<int> CountCodesAsync(StaffUser user, CancellationToken cancellationToken = default) =>
        (await StoredHashesAsync(user, cancellationToken)).Count;

    private async Task<List<string>> StoredHashesAsync(StaffUser user, CancellationToken cancellationToken) =>
        RecoveryCodeHashes.Read(Ring, user.Id, await GetTokenAsync(user, RecoveryCodeHashes.LoginProvider, RecoveryCodeHashes.TokenName, cancellationToken));
}
