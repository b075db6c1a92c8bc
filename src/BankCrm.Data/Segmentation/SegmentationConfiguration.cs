using BankCrm.Core.Customers;
using BankCrm.Core.Segmentation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BankCrm.Data.Segmentation;

internal sealed class CustomerScoreConfiguration : IEntityTypeConfiguration<CustomerScore>
{
    public void Configure(EntityTypeBuilder<CustomerScore> builder)
    {
        builder.ToTable("customer_scores");

        // Run date first: a run writes and reads one date; the customer index serves the 360 page and trends.
        // No foreign key to customers: the run writes only customers it has just read, customers are never deleted
        // (erasure deletes their scores itself), and the key's check per row cost PostgreSQL 4 of its 9 s writing
        // a million rows (docs/decisions/0007-no-foreign-keys-on-score-tables.md).
        builder.HasKey(s => new { s.RunDate, s.CustomerId });
        builder.HasIndex(s => new { s.CustomerId, s.RunDate });
        builder.Property(s => s.ChurnFactors).HasMaxLength(1000);
        builder.Property(s => s.ChurnModelVersion).HasMaxLength(50);
    }
}

internal sealed class ScoringRunConfiguration : IEntityTypeConfiguration<ScoringRun>
{
    public void Configure(EntityTypeBuilder<ScoringRun> builder)
    {
        builder.ToTable("scoring_runs");
        builder.HasKey(r => r.RunDate);
        builder.Property(r => r.StartedBy).HasMaxLength(100);
        builder.Property(r => r.Error).HasMaxLength(2000);
    }
}

internal sealed class CustomerNeedConfiguration : IEntityTypeConfiguration<CustomerNeed>
{
    public void Configure(EntityTypeBuilder<CustomerNeed> builder)
    {
        builder.ToTable("customer_needs");
        builder.HasKey(n => new { n.RunDate, n.CustomerId, n.NeedCode });
        builder.HasIndex(n => new { n.CustomerId, n.RunDate });
        builder.Property(n => n.NeedCode).HasMaxLength(60);
        builder.Property(n => n.Evidence).HasMaxLength(500);

        // No foreign key to customers, as for the scores.
    }
}
