using System.Security.Claims;
using BankCrm.Core.Audit;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Web.Identity;

/// <summary>
/// The one way the UI and the API reveal a customer's full ID number and mobile: the caller must have TOTP,
/// a step-up within <see cref="StepUp.Window"/>, and the customer in scope. Runs on a DbContext of its own
/// because Blazor circuits call it.
/// </summary>
public sealed class SensitiveReveal(CrmDbContextFactory factory, StepUp stepUp, AuditTrail audit)
{
    public enum Status { Revealed, NotEnrolled, StepUpRequired, NotFound, Forbidden }

    public sealed record Result(Status Status, SensitiveIdentifiers? Values = null);

    public async Task<Result> RevealAsync(ClaimsPrincipal user, long customerId, CancellationToken cancellationToken = default)
    {
        if (!user.ToActor().Can(Permissions.SensitiveReveal))
        {
            return new Result(Status.Forbidden);
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        await using var db = factory.CreateDbContext();

        // Scope first, so a customer out of scope gets the same 404 as on every other customer endpoint.
        if (!await db.Customers.VisibleTo(user.ToActor()).AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return new Result(Status.NotFound);
        }

        var enrolled = userId is not null && await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.TwoFactorEnabled, cancellationToken);
        if (!enrolled)
        {
            return new Result(Status.NotEnrolled);
        }

        // The full ID number and mobile are revealed in a browser session only (docs/security.md: a bearer token never
        // has a step-up for a reveal); a token's step-up unlocks asset details and nothing more.
        if (!stepUp.HasRecentStepUp(user, StepUp.Window) || StepUp.IsTokenStepUp(user))
        {
            return new Result(Status.StepUpRequired);
        }

        var values = await db.SensitiveIdentifiersAsync(user.ToActor(), customerId, cancellationToken);
        if (values is null)
        {
            return new Result(Status.NotFound);
        }

        // Written before the values are returned: a failed audit write blocks the reveal (checklist T8).
        var actor = user.ToActor();
        await audit.RecordAsync(
            AuditRecord.By(actor, AuditActions.CustomerViewedSensitive) with { CustomerId = customerId, Fields = "id_number,mobile", Purpose = StepUp.Purpose(user) },
            cancellationToken);
        return new Result(Status.Revealed, values);
    }
}
