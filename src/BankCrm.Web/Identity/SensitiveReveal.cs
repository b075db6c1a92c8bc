using System.Security.Claims;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Web.Identity;

/// <summary>
/// The one way the UI and the API reveal a customer's full ID number and mobile: the caller must have TOTP,
/// a step-up within <see cref="StepUp.Window"/>, and the customer in scope. Runs on a DbContext of its own
/// because Blazor circuits call it.
/// </summary>
public sealed class SensitiveReveal(CrmDbContextFactory factory, StepUp stepUp)
{
    public enum Status { Revealed, NotEnrolled, StepUpRequired, NotFound }

    public sealed record Result(Status Status, SensitiveIdentifiers? Values = null);

    public async Task<Result> RevealAsync(ClaimsPrincipal user, long customerId, CancellationToken cancellationToken = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        await using var db = factory.CreateDbContext();
        var enrolled = userId is not null && await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.TwoFactorEnabled, cancellationToken);
        if (!enrolled)
        {
            return new Result(Status.NotEnrolled);
        }

        if (!stepUp.HasRecentStepUp(user, StepUp.Window))
        {
            return new Result(Status.StepUpRequired);
        }

        var values = await db.SensitiveIdentifiersAsync(user.ToActor(), customerId, cancellationToken);
        if (values is null)
        {
            return new Result(Status.NotFound);
        }

        // AUDIT: the SENSITIVE_READ entry (actor, customer id, fields "id_number,mobile", StepUp.Purpose(user), time)
        // is written here, once per reveal, by the audit module being built in parallel; a failed audit write must
        // then block the reveal (checklist T8), so it belongs before the return below.
        return new Result(Status.Revealed, values);
    }
}
