namespace BankCrm.Core.Organization;

/// <summary>
/// What staff may do. Every endpoint and page names one of these as its authorization policy; the roles
/// holding each are in <see cref="PermissionMatrix"/> and documented in docs/security.md. Data scope (own
/// book, branch, all) is a separate check applied to every query.
/// </summary>
public static class Permissions
{
    /// <summary>The workbench, one's own account (password, MFA, step-up) and the API documentation.</summary>
    public const string SelfService = "self.service";

    /// <summary>Find customers and see their basic, masked profile (C1 and masked C2).</summary>
    public const string CustomersReadBasic = "customers.read.basic";

    /// <summary>The full Customer 360: profile, relationships, interactions, change history.</summary>
    public const string CustomersRead = "customers.read";

    /// <summary>Create and edit customer records.</summary>
    public const string CustomersWrite = "customers.write";

    /// <summary>Bulk import of customers.</summary>
    public const string CustomersImport = "customers.import";

    /// <summary>Export customer lists (masked unless the role may see more and states why).</summary>
    public const string CustomersExport = "customers.export";

    /// <summary>Share a customer of one's book with a colleague for a limited time.</summary>
    public const string CustomersShare = "customers.share";

    /// <summary>Asset details (C2): balances, holdings, transactions, AUM trend.</summary>
    public const string HoldingsRead = "holdings.read";

    /// <summary>See a C2 field (ID number, mobile, account number, balances) unmasked after step-up and a purpose.</summary>
    public const string SensitiveReveal = "sensitive.reveal";

    public const string ConsentRead = "consent.read";

    public const string ConsentWrite = "consent.write";

    /// <summary>Data-subject requests under PIPL: export, correction, erasure.</summary>
    public const string PrivacyRequests = "privacy.requests";

    /// <summary>Approve and carry out erasure and corrections.</summary>
    public const string PrivacyApprove = "privacy.approve";

    public const string AuditRead = "audit.read";

    /// <summary>Scores, classes, tags, needs and churn on the 360 page and in lists.</summary>
    public const string ScoresRead = "scores.read";

    /// <summary>Start a scoring run, train models.</summary>
    public const string ScoringRun = "scoring.run";

    /// <summary>Define tag rules and set manual tags.</summary>
    public const string TagsManage = "tags.manage";

    /// <summary>Build, save, share and export segments.</summary>
    public const string SegmentsManage = "segments.manage";

    /// <summary>The segmentation dashboard and migration matrix.</summary>
    public const string SegmentsRead = "segments.read";

    /// <summary>Staff accounts and roles.</summary>
    public const string StaffManage = "staff.manage";

    /// <summary>One's own task inbox: see, work and complete tasks; log interactions from them.</summary>
    public const string TasksWork = "tasks.work";

    /// <summary>The team's workload: reassign and escalate tasks of the branch.</summary>
    public const string TasksTeam = "tasks.team";

    /// <summary>Log calls, visits, chats and salons on a customer's record.</summary>
    public const string InteractionsWrite = "interactions.write";

    /// <summary>Create and edit lifecycle playbooks (经营策略) and see their enrolments.</summary>
    public const string PlaybooksManage = "playbooks.manage";

    /// <summary>Build, schedule and report on campaigns.</summary>
    public const string CampaignsManage = "campaigns.manage";

    /// <summary>Approve or reject a campaign before launch (never one's own).</summary>
    public const string CampaignsApprove = "campaigns.approve";

    /// <summary>The outbox: every message, its status and why a message was blocked.</summary>
    public const string OutboxRead = "outbox.read";

    /// <summary>Resend dead letters and keep the suppression list.</summary>
    public const string OutboxManage = "outbox.manage";

    /// <summary>Create customer events and salons, invite, record registration and attendance.</summary>
    public const string EventsManage = "events.manage";
}
