using BankCrm.Core.Audit;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Web.Audit;

/// <summary>The audit entries of customer screens and endpoints: sensitive reads and refused look-ups.</summary>
public sealed class CustomerAudit(AuditTrail trail, CrmDbContextFactory factory)
{
    public const string Balances = "balances";
    public const string Transactions = "transactions";

    public Task ViewedSensitiveAsync(Actor actor, long customerId, string fields, string? purpose = null, CancellationToken cancellationToken = default) =>
        trail.RecordAsync(AuditRecord.By(actor, AuditActions.CustomerViewedSensitive) with { CustomerId = customerId, Fields = fields, Purpose = purpose }, cancellationToken);

    /// <summary>
    /// Records a refusal only for a customer that exists: a 404 for an id nobody holds is a typo, one for a customer
    /// outside the caller's book is an attempt to look beyond their scope.
    /// </summary>
    public async Task DeniedIfExistsAsync(Actor actor, long customerId, string what, CancellationToken cancellationToken = default)
    {
        bool exists;
        await using (var db = factory.CreateDbContext())
        {
            exists = await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken);
        }

        if (exists)
        {
            await trail.RecordAsync(AuditRecord.By(actor, AuditActions.CustomerAccessDenied) with { CustomerId = customerId, Fields = what }, cancellationToken);
        }
    }
}
