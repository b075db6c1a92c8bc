using BankCrm.Core.Customers;
using BankCrm.Core.Engagement.Campaigns;
using BankCrm.Core.Engagement.Events;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Core.Segmentation.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BankCrm.Data.Engagement;

internal sealed class WorkTaskConfiguration : IEntityTypeConfiguration<WorkTask>
{
    public void Configure(EntityTypeBuilder<WorkTask> builder)
    {
        builder.ToTable("work_tasks");
        builder.Property(t => t.OwnerId).HasMaxLength(64);
        builder.Property(t => t.Reason).HasMaxLength(1000);
        builder.Property(t => t.OutcomeNote).HasMaxLength(2000);
        builder.Property(t => t.PrescreenAnswers).HasMaxLength(4000);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => t.SourceKey).IsUnique();
        builder.HasIndex(t => new { t.OwnerId, t.Status, t.DueAt });
        builder.HasIndex(t => new { t.CustomerId, t.Status });
        builder.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlaybookConfiguration : IEntityTypeConfiguration<Playbook>
{
    public void Configure(EntityTypeBuilder<Playbook> builder)
    {
        builder.ToTable("playbooks");
        builder.Property(p => p.Code).HasMaxLength(64);
        builder.Property(p => p.Description).HasMaxLength(2000);
        builder.Property(p => p.Trigger).HasMaxLength(4000);
        builder.Property(p => p.Conditions).HasMaxLength(8000);
        builder.Property(p => p.Steps).HasMaxLength(16000);
        builder.Property(p => p.ExitRules).HasMaxLength(2000);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.Code).IsUnique();
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.ToTable("playbook_enrolments");
        builder.Property(e => e.OccurrenceKey).HasMaxLength(128);
        builder.Property(e => e.ExitReason).HasMaxLength(500);
        builder.Property(e => e.LeaseOwner).HasMaxLength(128);
        builder.Property(e => e.PrescreenAnswers).HasMaxLength(4000);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.PlaybookId, e.CustomerId, e.OccurrenceKey }).IsUnique();
        builder.HasIndex(e => new { e.Status, e.NextStepAt });
        builder.HasIndex(e => e.CustomerId);
        builder.HasOne<Playbook>().WithMany().HasForeignKey(e => e.PlaybookId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customer>().WithMany().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EnrolmentStepConfiguration : IEntityTypeConfiguration<EnrolmentStep>
{
    public void Configure(EntityTypeBuilder<EnrolmentStep> builder)
    {
        builder.ToTable("playbook_enrolment_steps");
        builder.Property(s => s.Result).HasMaxLength(500);
        builder.HasIndex(s => new { s.EnrolmentId, s.StepIndex }).IsUnique();
        builder.HasIndex(s => new { s.CustomerId, s.ExecutedAt });
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(s => s.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboundMessageConfiguration : IEntityTypeConfiguration<OutboundMessage>
{
    public void Configure(EntityTypeBuilder<OutboundMessage> builder)
    {
        builder.ToTable("outbound_messages");
        builder.Property(m => m.IdempotencyKey).HasMaxLength(128);
        builder.Property(m => m.Body).HasMaxLength(8000);
        builder.Property(m => m.StatusReason).HasMaxLength(1000);
        builder.Property(m => m.LeaseOwner).HasMaxLength(128);
        builder.Property(m => m.ProviderMessageId).HasMaxLength(256);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.IdempotencyKey).IsUnique();
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => new { m.CustomerId, m.CreatedAt });
        builder.HasIndex(m => new { m.Source, m.SourceId });
        builder.HasOne<Customer>().WithMany().HasForeignKey(m => m.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeliveredMessageConfiguration : IEntityTypeConfiguration<DeliveredMessage>
{
    public void Configure(EntityTypeBuilder<DeliveredMessage> builder)
    {
        builder.ToTable("delivered_messages");
        builder.Property(m => m.Body).HasMaxLength(8000);
        builder.Property(m => m.DeliveredBy).HasMaxLength(128);
        builder.HasIndex(m => m.OutboundMessageId).IsUnique();
        builder.HasIndex(m => new { m.CustomerId, m.DeliveredAt });
        builder.HasOne<OutboundMessage>().WithMany().HasForeignKey(m => m.OutboundMessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SuppressionEntryConfiguration : IEntityTypeConfiguration<SuppressionEntry>
{
    public void Configure(EntityTypeBuilder<SuppressionEntry> builder)
    {
        builder.ToTable("suppression_entries");
        builder.Property(s => s.Reason).HasMaxLength(500);
        builder.HasIndex(s => s.CustomerId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChannelPreferenceConfiguration : IEntityTypeConfiguration<ChannelPreference>
{
    public void Configure(EntityTypeBuilder<ChannelPreference> builder)
    {
        builder.ToTable("channel_preferences");
        builder.HasKey(p => new { p.CustomerId, p.Channel });
        builder.HasOne<Customer>().WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("campaigns");
        builder.Property(c => c.Offer).HasMaxLength(1000);
        builder.Property(c => c.ChannelStrategy).HasMaxLength(32);
        builder.Property(c => c.Template).HasMaxLength(8000);
        builder.Property(c => c.RejectionReason).HasMaxLength(1000);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.Status);
        builder.HasOne<Segment>().WithMany().HasForeignKey(c => c.SegmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CampaignMemberConfiguration : IEntityTypeConfiguration<CampaignMember>
{
    public void Configure(EntityTypeBuilder<CampaignMember> builder)
    {
        builder.ToTable("campaign_members");
        builder.HasKey(m => new { m.CampaignId, m.CustomerId });
        builder.HasIndex(m => m.CustomerId);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customer>().WithMany().HasForeignKey(m => m.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BankEventConfiguration : IEntityTypeConfiguration<BankEvent>
{
    public void Configure(EntityTypeBuilder<BankEvent> builder)
    {
        builder.ToTable("bank_events");
        builder.Property(e => e.Description).HasMaxLength(4000);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => e.StartsAt);
    }
}

internal sealed class EventAttendeeConfiguration : IEntityTypeConfiguration<EventAttendee>
{
    public void Configure(EntityTypeBuilder<EventAttendee> builder)
    {
        builder.ToTable("event_attendees");
        builder.HasKey(a => new { a.EventId, a.CustomerId });
        builder.HasIndex(a => a.CustomerId);
        builder.HasOne<BankEvent>().WithMany().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
