using BankCrm.Core.Consent;
using BankCrm.Core.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BankCrm.Data.Consent;

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.ToTable("consent_records");
        builder.Property(r => r.RecordedBy).HasMaxLength(100);
        builder.Property(r => r.EvidenceNote).HasMaxLength(500);

        // The current state is the latest record per customer and purpose.
        builder.HasIndex(r => new { r.CustomerId, r.Purpose, r.RecordedAt });
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
