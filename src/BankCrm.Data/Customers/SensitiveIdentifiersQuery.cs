using BankCrm.Core.Organization;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Customers;

/// <summary>The unmasked ID number and mobile of one customer: read only after step-up, and only within scope.</summary>
public sealed record SensitiveIdentifiers(long CustomerId, string IdNumber, string Mobile);

public static class SensitiveIdentifiersQuery
{
    public static Task<SensitiveIdentifiers?> SensitiveIdentifiersAsync(this CrmDbContext db, Actor actor, long customerId, CancellationToken cancellationToken = default) =>
        db.Customers.AsNoTracking().VisibleTo(actor)
            .Where(c => c.Id == customerId)
            .Select(c => new SensitiveIdentifiers(c.Id, c.IdNumber ?? string.Empty, c.Mobile ?? string.Empty))
            .FirstOrDefaultAsync(cancellationToken);
}
