namespace BankCrm.Core.Audit;

/// <summary>The actions the audit log records; the values are stored, so never rename one.</summary>
public static class AuditActions
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string LoginLockedOut = "login.locked_out";

    /// <summary>C2 data seen: ID number, phone, balances or transactions (JR/T 0171-2020).</summary>
    public const string CustomerViewedSensitive = "customer.viewed_sensitive";

    /// <summary>A customer's data seen that is not C2: profile (masked), interactions, relationships, history, scores… (seed 003 记录所有访问).</summary>
    public const string CustomerViewed = "customer.viewed";

    /// <summary>A list or search showed customers; the detail names the view, the query (masked) and every customer shown.</summary>
    public const string CustomersListed = "customers.listed";

    /// <summary>A customer that exists was asked for by someone outside its scope.</summary>
    public const string CustomerAccessDenied = "customer.access_denied";

    /// <summary>A new or edited customer's ID number or name + mobile matched a customer outside the caller's scope.</summary>
    public const string CustomerDuplicateProbe = "customer.duplicate_probe";
    public const string CustomerCreated = "customer.created";
    public const string CustomerUpdated = "customer.updated";
    public const string CustomersImported = "customers.imported";
    public const string Export = "export";
    public const string PermissionChanged = "permission.changed";
    public const string StaffCreated = "staff.created";
    public const string StaffLocked = "staff.locked";
    public const string StaffUnlocked = "staff.unlocked";
    public const string AuditVerified = "audit.verified";

    /// <summary>A consent granted or withdrawn (PIPL Art. 14–15: the bank must be able to prove both).</summary>
    public const string ConsentRecorded = "consent.recorded";

    /// <summary>A customer shared with a colleague for a limited time, or such a share ended early.</summary>
    public const string CustomerShared = "customer.shared";
    public const string CustomerShareRevoked = "customer.share.revoked";

    /// <summary>A member of staff changed their own password (a credential change, checklist L3).</summary>
    public const string PasswordChanged = "password.changed";

    /// <summary>TOTP enrolled: a new authenticator key and recovery codes (a credential change).</summary>
    public const string MfaEnabled = "mfa.enabled";

    /// <summary>A signed-in user was refused a page or API their role does not allow (checklist L4, AUTHZ_DENIED).</summary>
    public const string AccessDenied = "access.denied";

    /// <summary>A scoring run started by a person (the nightly job is not a person and is not recorded).</summary>
    public const string ScoringRunStarted = "scoring.run_started";

    /// <summary>A member of staff put a manual tag on a customer or took it off.</summary>
    public const string CustomerTagSet = "customer_tag.set";
    public const string CustomerTagRemoved = "customer_tag.removed";

    /// <summary>Data-subject requests (PIPL Art. 44–50): each step of handling a customer's request is evidence of the answer.</summary>
    public const string PrivacyRequestReceived = "privacy.request.received";
    public const string PrivacyRequestStatusChanged = "privacy.request.status_changed";
    public const string PrivacyExportGenerated = "privacy.export.generated";
    public const string PrivacyCorrectionProposed = "privacy.correction.proposed";
    public const string PrivacyCorrectionApplied = "privacy.correction.applied";
    public const string PrivacyCorrectionRejected = "privacy.correction.rejected";
    public const string PrivacyErasureExecuted = "privacy.erasure.executed";

    /// <summary>A new field-encryption key made active and the encrypted columns re-encrypted under it.</summary>
    public const string KeysRotated = "keys.rotated";

    /// <summary>Campaigns (营销活动): every step of the maker-checker lifecycle and the send, and customer events (沙龙).</summary>
    public const string CampaignSaved = "campaign.saved";
    public const string CampaignSubmitted = "campaign.submitted";
    public const string CampaignApproved = "campaign.approved";
    public const string CampaignRejected = "campaign.rejected";
    public const string CampaignCancelled = "campaign.cancelled";
    public const string CampaignLaunched = "campaign.launched";
    public const string EventSaved = "event.saved";
    public const string EventInvited = "event.invited";
    public const string EventAttendeeChanged = "event.attendee_changed";
    public const string EventFollowUpsCreated = "event.followups_created";
    /// <summary>Outreach (发件箱): a dead letter sent again, a customer's reply recorded, the suppression list and channel scores changed by staff.</summary>
    public const string OutboxResent = "outbox.resent";
    public const string OutboxResponseRecorded = "outbox.response_recorded";
    public const string SuppressionAdded = "suppression.added";
    public const string SuppressionRemoved = "suppression.removed";
    public const string ChannelPreferenceSet = "channel_preference.set";
    /// <summary>A lifecycle playbook created or changed, enabled or paused (what customers are sent is decided here).</summary>
    public const string PlaybookSaved = "playbook.saved";
    public const string PlaybookEnabled = "playbook.enabled";
    public const string PlaybookDisabled = "playbook.disabled";

    /// <summary>Pre-screening answers recorded on a customer's journey (what the customer said about their needs).</summary>
    public const string PrescreenRecorded = "journey.prescreen_recorded";
    /// <summary>Tasks and interactions (docs/tasks-and-interactions.md): every change of a task and every logged contact.</summary>
    public const string TaskCreated = "task.created";
    public const string TaskStarted = "task.started";
    public const string TaskOutcomeLogged = "task.outcome_logged";
    public const string TaskCancelled = "task.cancelled";
    public const string TaskReassigned = "task.reassigned";
    public const string TaskEscalated = "task.escalated";
    public const string InteractionLogged = "interaction.logged";

    public static readonly IReadOnlyList<string> All =
    [
        LoginSucceeded, LoginFailed, LoginLockedOut, CustomerViewed, CustomersListed, CustomerViewedSensitive, CustomerAccessDenied, CustomerCreated, CustomerUpdated,
        CustomersImported, Export, PermissionChanged, AuditVerified, ConsentRecorded,
        StaffCreated, StaffLocked, StaffUnlocked,
        CustomerShared, CustomerShareRevoked,
        PasswordChanged, MfaEnabled, AccessDenied,
        ScoringRunStarted,
        CustomerTagSet, CustomerTagRemoved,
        PrivacyRequestReceived, PrivacyRequestStatusChanged, PrivacyExportGenerated, PrivacyCorrectionProposed, PrivacyCorrectionApplied,
        PrivacyCorrectionRejected, PrivacyErasureExecuted,
        KeysRotated,
        CampaignSaved, CampaignSubmitted, CampaignApproved, CampaignRejected, CampaignCancelled, CampaignLaunched,
        EventSaved, EventInvited, EventAttendeeChanged, EventFollowUpsCreated,
        OutboxResent, OutboxResponseRecorded, SuppressionAdded, SuppressionRemoved, ChannelPreferenceSet,
        PlaybookSaved, PlaybookEnabled, PlaybookDisabled, PrescreenRecorded,
        TaskCreated, TaskStarted, TaskOutcomeLogged, TaskCancelled, TaskReassigned, TaskEscalated, InteractionLogged,
    ];
}
