using BankCrm.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BankCrm.Data.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(e => e.Id);

        // Ids are assigned by AuditTrail under the audit lock, gap-free; a database sequence would leave gaps on rollback.
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.Fields).HasMaxLength(400);
        builder.Property(e => e.Purpose).HasMaxLength(400);
        builder.Property(e => e.Detail).HasMaxLength(8000);
        builder.Property(e => e.RemoteIp).HasMaxLength(64);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);

        builder.HasIndex(e => e.OccurredAt);
        // Staff filter of the auditor's page: one member's entries newest first, read from the index in order.
        builder.HasIndex(e => new { e.ActorName, e.Id });
        builder.HasIndex(e => e.CustomerId);
        builder.HasIndex(e => e.Action);
    }
}
