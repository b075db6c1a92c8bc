using BankCrm.Core.Common;

namespace BankCrm.Core.Organization;

/// <summary>
/// Who may share a customer, with whom, for how long and why (docs/security.md, 客户共享). A share widens a
/// colleague's scope, so each rule leans to least privilege: only the people accountable for the customer share,
/// only staff whose scope is narrower than the bank see more through it, and never for longer than the limit.
/// </summary>
public static class CustomerSharingRules
{
    public const int DefaultMaxDays = 30;
    public const int MaxReasonLength = 200;
    public static readonly TimeSpan MinimumDuration = TimeSpan.FromHours(1);

    /// <summary>
    /// The colleague must be a relationship manager or a branch manager: the roles that serve customers under a
    /// scope narrower than the bank. Service agents and head-office roles already see every customer; tellers see
    /// only basic, masked data and do not look after a book.
    /// </summary>
    public static readonly IReadOnlyList<string> RecipientRoles = [StaffRole.RelationshipManager, StaffRole.BranchManager];

    /// <summary>The customer's own relationship manager, or a branch manager of the customer's branch.</summary>
    public static bool MayShare(Actor actor, string? customerManagerId, int customerBranchId) =>
        (actor.IsInRole(StaffRole.RelationshipManager) && actor.UserId.Length > 0 && actor.UserId == customerManagerId)
        || (actor.IsInRole(StaffRole.BranchManager) && actor.BranchId == customerBranchId);

    /// <summary>Whoever shared, or anyone who could have shared the customer (the sharer may have left).</summary>
    public static bool MayRevoke(Actor actor, CustomerShare share, string? customerManagerId, int customerBranchId) =>
        share.SharedById == actor.UserId || MayShare(actor, customerManagerId, customerBranchId);

    public static bool IsEligibleRecipient(IEnumerable<string> roles) => roles.Any(RecipientRoles.Contains);

    /// <summary>Whether the colleague sees the customer anyway: sharing would grant nothing and only clutter the audit.</summary>
    public static bool AlreadySees(string colleagueId, IReadOnlyCollection<string> colleagueRoles, int? colleagueBranchId, string? customerManagerId, int customerBranchId)
    {
        var scope = CustomerScope.For(colleagueRoles, colleagueId, colleagueBranchId);
        return scope.Kind switch
        {
            ScopeKind.All => true,
            ScopeKind.Branch => scope.BranchId == customerBranchId,
            ScopeKind.OwnBook => scope.StaffId == customerManagerId,
            _ => false,
        };
    }

    /// <summary>The reason and the end of the share; each error names its field as the API spells it.</summary>
    public static IReadOnlyList<FieldError> Validate(string? reason, DateTime? expiresAt, DateTime now, int maxDays)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new FieldError("reason", "required", "请填写共享原因"));
        }
        else if (reason.Trim().Length > MaxReasonLength)
        {
            errors.Add(new FieldError("reason", "too_long", $"共享原因不能超过 {MaxReasonLength} 个字"));
        }

        if (expiresAt is not { } until)
        {
            errors.Add(new FieldError("expiresAt", "required", "请选择共享截止时间"));
        }
        else if (until - now < MinimumDuration)
        {
            errors.Add(new FieldError("expiresAt", "too_short", "共享截止时间至少在 1 小时之后"));
        }
        else if (until - now > TimeSpan.FromDays(maxDays))
        {
            errors.Add(new FieldError("expiresAt", "too_long", $"共享时间不能超过 {maxDays} 天"));
        }

        return errors;
    }
}
