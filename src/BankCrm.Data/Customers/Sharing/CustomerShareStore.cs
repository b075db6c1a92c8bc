using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Customers.Sharing;

/// <summary>Creates, lists and revokes the shares of a customer (客户共享), each change audited in its own transaction.</summary>
public sealed class CustomerShareStore(CrmDbContext db, TimeProvider time, AuditTrail audit)
{
    public async Task<ShareOutcome> ShareAsync(Actor actor, long customerId, ShareCustomer request, int maxDays, CancellationToken cancellationToken = default)
    {
        if (await AccountableAsync(actor, customerId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = Now();
        var errors = new List<FieldError>(CustomerSharingRules.Validate(request.Reason, request.ExpiresAt, now, maxDays));
        var colleague = await ColleagueAsync(actor, customerId, request.SharedWithId, now, cancellationToken);
        if (colleague.Error is { } colleagueError)
        {
            errors.Insert(0, colleagueError);
        }

        if (errors.Count > 0)
        {
            return new ShareOutcome.Invalid(errors);
        }

        var share = CustomerShare.Start(customerId, colleague.Id!, actor.UserId, request.Reason!, now, request.ExpiresAt!.Value);
        db.CustomerShares.Add(share);
        await using (var append = await audit.BeginAsync(db, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await append.AppendAsync(
                AuditRecord.By(actor, AuditActions.CustomerShared) with
                {
                    CustomerId = customerId,
                    Fields = "share",
                    Detail = AuditDetail.Of(new { shareId = share.Id, sharedWith = share.SharedWithId, sharedWithName = colleague.Name, expiresAt = share.ExpiresAt, reason = share.Reason }),
                },
                cancellationToken);
            await append.CommitAsync(cancellationToken);
        }

        return new ShareOutcome.Shared((await LinesAsync(db.CustomerShares.Where(s => s.Id == share.Id), cancellationToken)).Single());
    }

    /// <summary>The shares of a customer that are still running, soonest ending first.</summary>
    public async Task<ShareOutcome> ListActiveAsync(Actor actor, long customerId, CancellationToken cancellationToken = default)
    {
        if (await AccountableAsync(actor, customerId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = Now();
        var active = db.CustomerShares.Where(s => s.CustomerId == customerId && s.RevokedAt == null && s.StartsAt <= now && s.ExpiresAt > now);
        return new ShareOutcome.Listed(await LinesAsync(active, cancellationToken));
    }

    public async Task<ShareOutcome> RevokeAsync(Actor actor, long customerId, long shareId, CancellationToken cancellationToken = default)
    {
        var customer = await db.Customers.AsNoTracking().VisibleTo(actor).Where(c => c.Id == customerId)
            .Select(c => new { c.RelationshipManagerId, c.BranchId }).FirstOrDefaultAsync(cancellationToken);
        var share = customer is null ? null : await db.CustomerShares.FirstOrDefaultAsync(s => s.Id == shareId && s.CustomerId == customerId, cancellationToken);
        if (customer is null || share is null)
        {
            return new ShareOutcome.NotFound();
        }

        if (!CustomerSharingRules.MayRevoke(actor, share, customer.RelationshipManagerId, customer.BranchId))
        {
            return new ShareOutcome.Forbidden();
        }

        // Revoking twice (or after expiry) changes nothing and writes no second entry.
        var now = Now();
        if (share.IsActiveAt(now))
        {
            share.Revoke(actor.UserId, now);
            await using var append = await audit.BeginAsync(db, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await append.AppendAsync(
                AuditRecord.By(actor, AuditActions.CustomerShareRevoked) with
                {
                    CustomerId = customerId,
                    Fields = "share",
                    Detail = AuditDetail.Of(new { shareId = share.Id, sharedWith = share.SharedWithId, expiresAt = share.ExpiresAt }),
                },
                cancellationToken);
            await append.CommitAsync(cancellationToken);
        }

        return new ShareOutcome.Revoked((await LinesAsync(db.CustomerShares.Where(s => s.Id == share.Id), cancellationToken)).Single());
    }

    /// <summary>The running shares of one colleague: what their requests see beyond their own scope.</summary>
    public async Task<IReadOnlyList<ActiveShare>> ActiveForAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = Now();
        return await db.CustomerShares.AsNoTracking()
            .Where(s => s.SharedWithId == userId && s.ExpiresAt > now && s.RevokedAt == null && s.StartsAt <= now)
            .Select(s => new ActiveShare(s.CustomerId, s.ExpiresAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Relationship and branch managers of any branch, found by name or login, without the actor.</summary>
    public async Task<IReadOnlyList<ShareColleague>> ColleaguesAsync(Actor actor, string? search, int take = 20, CancellationToken cancellationToken = default)
    {
        var roleIds = db.Roles.Where(r => CustomerSharingRules.RecipientRoles.Contains(r.Name!)).Select(r => r.Id);
        var staff = db.Users.AsNoTracking().Where(u => u.Id != actor.UserId && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            staff = staff.Where(u => u.DisplayName.Contains(term) || u.UserName!.Contains(term));
        }

        return await staff.OrderBy(u => u.BranchId).ThenBy(u => u.DisplayName).Take(take)
            .Select(u => new ShareColleague(u.Id, u.DisplayName, u.UserName ?? u.Id, db.Branches.Where(b => b.Id == u.BranchId).Select(b => b.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>NotFound outside the actor's scope, Forbidden when the actor sees the customer but may not share it, else null.</summary>
    private async Task<ShareOutcome?> AccountableAsync(Actor actor, long customerId, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().VisibleTo(actor).Where(c => c.Id == customerId)
            .Select(c => new { c.RelationshipManagerId, c.BranchId }).FirstOrDefaultAsync(cancellationToken);
        if (customer is null)
        {
            return new ShareOutcome.NotFound();
        }

        return CustomerSharingRules.MayShare(actor, customer.RelationshipManagerId, customer.BranchId) ? null : new ShareOutcome.Forbidden();
    }

    private async Task<(string? Id, string? Name, FieldError? Error)> ColleagueAsync(Actor actor, long customerId, string? colleagueId, DateTime now, CancellationToken cancellationToken)
    {
        const string Field = "sharedWithId";
        if (string.IsNullOrWhiteSpace(colleagueId))
        {
            return (null, null, new FieldError(Field, "required", "请选择要共享的同事"));
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == colleagueId).Select(u => new { u.Id, u.DisplayName, u.BranchId }).FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return (null, null, new FieldError(Field, "unknown", "该同事不存在"));
        }

        if (user.Id == actor.UserId)
        {
            return (null, null, new FieldError(Field, "self", "不能共享给自己"));
        }

        var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync(cancellationToken);
        if (!CustomerSharingRules.IsEligibleRecipient(roles))
        {
            return (null, null, new FieldError(Field, "not_eligible", "只能共享给客户经理或网点负责人"));
        }

        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => new { c.RelationshipManagerId, c.BranchId }).FirstAsync(cancellationToken);
        if (CustomerSharingRules.AlreadySees(user.Id, roles, user.BranchId, customer.RelationshipManagerId, customer.BranchId))
        {
            return (null, null, new FieldError(Field, "already_sees", "该同事已可查看此客户，无需共享"));
        }

        var running = await db.CustomerShares.AsNoTracking()
            .Where(s => s.CustomerId == customerId && s.SharedWithId == user.Id && s.RevokedAt == null && s.ExpiresAt > now)
            .Select(s => (DateTime?)s.ExpiresAt).FirstOrDefaultAsync(cancellationToken);
        return running is { } until
            ? (null, null, new FieldError(Field, "already_shared", $"已共享给该同事，至 {ChinaTime.FromUtc(until):yyyy-MM-dd HH:mm}；如需调整请先撤销"))
            : (user.Id, user.DisplayName, null);
    }

    private async Task<IReadOnlyList<ShareLine>> LinesAsync(IQueryable<Core.Organization.CustomerShare> shares, CancellationToken cancellationToken) =>
        await shares.AsNoTracking().OrderBy(s => s.ExpiresAt).ThenBy(s => s.Id)
            .Select(s => new ShareLine(
                s.Id, s.CustomerId, s.SharedWithId,
                db.Users.Where(u => u.Id == s.SharedWithId).Select(u => u.DisplayName).FirstOrDefault() ?? s.SharedWithId,
                s.SharedById,
                db.Users.Where(u => u.Id == s.SharedById).Select(u => u.DisplayName).FirstOrDefault() ?? s.SharedById,
                s.Reason, s.StartsAt, s.ExpiresAt, s.RevokedAt,
                db.Users.Where(u => u.Id == s.RevokedById).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(cancellationToken);

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
