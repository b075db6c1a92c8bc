using BankCrm.Core.Consent;
using BankCrm.Core.Audit;
using BankCrm.Core.Customers;
using BankCrm.Core.Engagement;
using BankCrm.Core.Engagement.Campaigns;
using BankCrm.Core.Engagement.Events;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Core.Holdings;
using BankCrm.Core.Organization;
using BankCrm.Core.Privacy;
using BankCrm.Core.Segmentation;
using BankCrm.Core.Segmentation.Segments;
using BankCrm.Core.Segmentation.Tags;
using BankCrm.Data.Organization;
using BankCrm.Data.Protection;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Database;

/// <summary>
/// The one database of BankCrm. Provider-specific subclasses (<see cref="SqliteCrmDbContext"/>,
/// <see cref="PostgresCrmDbContext"/>) exist only so each provider keeps its own migrations.
/// </summary>
public abstract class CrmDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<FieldChange> CustomerChanges => Set<FieldChange>();

    public DbSet<IdentityDocument> IdentityDocuments => Set<IdentityDocument>();

    public DbSet<ContactPoint> ContactPoints => Set<ContactPoint>();

    public DbSet<CustomerRelationship> CustomerRelationships => Set<CustomerRelationship>();

    public DbSet<Branch> Branches => Set<Branch>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<Transaction> Transactions => Set<Transaction>();

    public DbSet<Interaction> Interactions => Set<Interaction>();

    public DbSet<AppEvent> AppEvents => Set<AppEvent>();

    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<CustomerScore> CustomerScores => Set<CustomerScore>();

    public DbSet<ScoringRun> ScoringRuns => Set<ScoringRun>();

    public DbSet<CustomerNeed> CustomerNeeds => Set<CustomerNeed>();

    public DbSet<CustomerShare> CustomerShares => Set<CustomerShare>();

    public DbSet<TagDefinition> TagDefinitions => Set<TagDefinition>();

    public DbSet<CustomerTag> CustomerTags => Set<CustomerTag>();

    public DbSet<Segment> Segments => Set<Segment>();

    public DbSet<DataSubjectRequest> PrivacyRequests => Set<DataSubjectRequest>();

    public DbSet<CorrectionProposal> PrivacyCorrections => Set<CorrectionProposal>();

    public DbSet<WorkTask> WorkTasks => Set<WorkTask>();

    public DbSet<Playbook> Playbooks => Set<Playbook>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<EnrolmentStep> EnrolmentSteps => Set<EnrolmentStep>();

    public DbSet<OutboundMessage> OutboundMessages => Set<OutboundMessage>();

    public DbSet<DeliveredMessage> DeliveredMessages => Set<DeliveredMessage>();

    public DbSet<SuppressionEntry> SuppressionEntries => Set<SuppressionEntry>();

    public DbSet<ChannelPreference> ChannelPreferences => Set<ChannelPreference>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<CampaignMember> CampaignMembers => Set<CampaignMember>();

    public DbSet<BankEvent> BankEvents => Set<BankEvent>();

    public DbSet<EventAttendee> EventAttendees => Set<EventAttendee>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);
        ProtectedColumns.Apply(builder, ProtectionOptions.FindProtector(this));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<string>().HaveMaxLength(200);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
