using BankCrm.Core.Segmentation.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BankCrm.Data.Segmentation.Segments;

internal sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> builder)
    {
        builder.ToTable("segments");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.OwnerId);
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.Description).HasMaxLength(1000);
        builder.Property(s => s.Rule).HasMaxLength(20_000);
        builder.Property(s => s.OwnerId).HasMaxLength(100);
        builder.Property(s => s.OwnerName).HasMaxLength(100);
        builder.HasMany(s => s.Shares).WithOne().HasForeignKey(s => s.SegmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SegmentShareConfiguration : IEntityTypeConfiguration<SegmentShare>
{
    public void Configure(EntityTypeBuilder<SegmentShare> builder)
    {
        builder.ToTable("segment_shares");
        builder.HasKey(s => new { s.SegmentId, s.Kind, s.Principal });
        builder.HasIndex(s => new { s.Kind, s.Principal });
        builder.Property(s => s.Principal).HasMaxLength(100);
    }
}
