using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Database;
using BankCrm.Data.Protection;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Customers;

public abstract record SaveOutcome
{
    public sealed record Saved(Customer Customer, IReadOnlyList<FieldChange> Changes) : SaveOutcome;

    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : SaveOutcome;

    /// <summary>
    /// The ID number or name + mobile is taken. <see cref="ExistingId"/> and <see cref="ExistingNumber"/> are set only
    /// when the caller may see that customer: a duplicate outside their scope is answered without naming it.
    /// </summary>
    public sealed record Duplicate(long? ExistingId, string? ExistingNumber, string Reason) : SaveOutcome
    {
        public bool Visible => ExistingId is not null;

        public string Message => Visible ? $"{Reason}：{ExistingNumber}" : Reason;
    }

    public sealed record Conflict(int CurrentVersion) : SaveOutcome;

    public sealed record NotFound : SaveOutcome;
}

/// <summary>Creates and edits customers: validation, duplicate detection, optimistic concurrency and change history.</summary>
public sealed class CustomerStore(CrmDbContext db, TimeProvider time, AuditTrail audit)
{
    public async Task<SaveOutcome> CreateAsync(Actor actor, CustomerProfile input, int? branchId, string? relationshipManagerId, CancellationToken cancellationToken = default)
    {
        var (profile, errors) = CustomerValidator.Validate(input, Today());
        if (errors.Count > 0)
        {
            return new SaveOutcome.Invalid(errors);
        }

        var assignment = await ResolveAssignmentAsync(actor, branchId, relationshipManagerId, cancellationToken);
        if (assignment.Error is not null)
        {
            return new SaveOutcome.Invalid([assignment.Error]);
        }

        if (await FindDuplicateAsync(actor, profile, exceptId: null, cancellationToken) is { } duplicate)
        {
            return duplicate;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var numbers = await NumberAllocator.CreateAsync(db, cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var customer = Customer.Create(numbers.Next(_ => false), profile, assignment.BranchId, assignment.RelationshipManagerId, now);
            db.Customers.Add(customer);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                db.CustomerChanges.Add(new FieldChange { CustomerId = customer.Id, ChangedAt = now, ChangedBy = actor.UserName, Field = "Created", NewValue = customer.CustomerNumber });
                await db.SaveChangesAsync(cancellationToken);

                // Its own transaction: a clash on the customer number must stay retryable, and PostgreSQL aborts a
                // transaction on the first failed statement.
                await audit.RecordAsync(
                    AuditRecord.By(actor, AuditActions.CustomerCreated) with
                    {
                        CustomerId = customer.Id,
                        Fields = "created",
                        Detail = AuditDetail.Of(new { customerNumber = customer.CustomerNumber, name = Masking.Name(customer.Name), branchId = customer.BranchId }),
                    },
                    cancellationToken);
                return new SaveOutcome.Saved(customer, []);
            }
            catch (DbUpdateException) when (attempt < 8)
            {
                // Another user took the same customer number; detach and allocate the next one, a random step on.
                db.Entry(customer).State = EntityState.Detached;
                await numbers.ReloadAsync(db, cancellationToken);
                numbers.SkipAhead(attempt);
            }
        }
    }

    public async Task<SaveOutcome> UpdateAsync(Actor actor, long id, CustomerProfile input, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var customer = await db.Customers.VisibleTo(actor).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null)
        {
            return new SaveOutcome.NotFound();
        }

        var (profile, errors) = CustomerValidator.Validate(input with { Type = customer.Type }, Today());
        if (errors.Count > 0)
        {
            return new SaveOutcome.Invalid(errors);
        }

        if (customer.Version != expectedVersion)
        {
            return new SaveOutcome.Conflict(customer.Version);
        }

        if (await FindDuplicateAsync(actor, profile, exceptId: id, cancellationToken) is { } duplicate)
        {
            return duplicate;
        }

        var changes = customer.Update(profile, actor.UserName, time.GetUtcNow().UtcDateTime);
        if (changes.Count == 0)
        {
            return new SaveOutcome.Saved(customer, changes);
        }

        // The version read above is the one the UPDATE must still find, or another save came first.
        db.Entry(customer).Property(c => c.Version).OriginalValue = expectedVersion;
        db.CustomerChanges.AddRange(changes);

        // The change and its audit entry commit together or not at all.
        await using (var append = await audit.BeginAsync(db, cancellationToken))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                await append.DisposeAsync();
                var current = await db.Customers.AsNoTracking().Where(c => c.Id == id).Select(c => c.Version).FirstAsync(cancellationToken);
                return new SaveOutcome.Conflict(current);
            }

            await append.AppendAsync(
                AuditRecord.By(actor, AuditActions.CustomerUpdated) with
                {
                    CustomerId = id,
                    Fields = string.Join(',', changes.Select(c => c.Field)),
                    Detail = AuditDetail.Changes(changes),
                },
                cancellationToken);
            await append.CommitAsync(cancellationToken);
        }

        return new SaveOutcome.Saved(customer, changes);
    }

    /// <summary>
    /// Duplicates are looked for across the whole bank, so no customer is registered twice; one outside the caller's
    /// scope is reported without its number or id, in neutral words, and the probe is audited (issue 11, finding 5):
    /// otherwise typing ID numbers into the create form would find any customer of the bank.
    /// </summary>
    private async Task<SaveOutcome.Duplicate?> FindDuplicateAsync(Actor actor, CustomerProfile profile, long? exceptId, CancellationToken cancellationToken)
    {
        var candidates = db.Customers.AsNoTracking().Where(c => exceptId == null || c.Id != exceptId);
        if (profile.IdNumber is { Length: > 0 } idNumber)
        {
            var sameId = await candidates.WithIdNumber(db.BlindIndex(), idNumber).Select(c => new { c.Id, c.CustomerNumber }).FirstOrDefaultAsync(cancellationToken);
            if (sameId is not null)
            {
                return await DuplicateAsync(actor, sameId.Id, sameId.CustomerNumber, "id_number", "证件号码与已有客户相同", "证件号码已被登记，请联系分行核实", cancellationToken);
            }
        }

        if (profile.Mobile is { Length: > 0 } mobile)
        {
            var sameNameAndPhone = await candidates.WithMobile(db.BlindIndex(), mobile).Where(c => c.Name == profile.Name).Select(c => new { c.Id, c.CustomerNumber }).FirstOrDefaultAsync(cancellationToken);
            if (sameNameAndPhone is not null)
            {
                return await DuplicateAsync(actor, sameNameAndPhone.Id, sameNameAndPhone.CustomerNumber, "name,mobile", "姓名和手机号与已有客户相同", "姓名和手机号已被登记，请联系分行核实", cancellationToken);
            }
        }

        return null;
    }

    private async Task<SaveOutcome.Duplicate> DuplicateAsync(
        Actor actor, long id, string number, string fields, string reason, string neutralReason, CancellationToken cancellationToken)
    {
        if (await db.Customers.VisibleTo(actor).AnyAsync(c => c.Id == id, cancellationToken))
        {
            return new SaveOutcome.Duplicate(id, number, reason);
        }

        await audit.RecordAsync(AuditRecord.By(actor, AuditActions.CustomerDuplicateProbe) with { CustomerId = id, Fields = fields }, cancellationToken);
        return new SaveOutcome.Duplicate(null, null, neutralReason);
    }

    private async Task<(int BranchId, string? RelationshipManagerId, FieldError? Error)> ResolveAssignmentAsync(Actor actor, int? branchId, string? rmId, CancellationToken cancellationToken)
    {
        if (actor.IsInRole(StaffRole.RelationshipManager) && !actor.IsInRole(StaffRole.Admin))
        {
            // A relationship manager's new customers join their own book.
            return actor.BranchId is { } own ? (own, actor.UserId, null) : (0, null, new FieldError("BranchId", "required", "当前用户未分配机构"));
        }

        var branch = branchId ?? actor.BranchId;
        if (branch is null || !await db.Branches.AnyAsync(b => b.Id == branch, cancellationToken))
        {
            return (0, null, new FieldError("BranchId", "required", "请选择所属机构"));
        }

        if (rmId is not null && !await db.Users.AnyAsync(u => u.Id == rmId && u.BranchId == branch, cancellationToken))
        {
            return (0, null, new FieldError("RelationshipManagerId", "unknown", "客户经理不存在或不属于该机构"));
        }

        if (actor.Scope.Kind == ScopeKind.Branch && branch != actor.BranchId)
        {
            return (0, null, new FieldError("BranchId", "scope", "只能在本机构建档"));
        }

        return (branch.Value, rmId, null);
    }

    private DateOnly Today() => ChinaTime.Today(time);
}
