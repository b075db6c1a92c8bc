using BankCrm.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BankCrm.Data.Audit;

internal sealed class AuditedCustomerConfiguration : IEntityTypeConfiguration<AuditedCustomer>
{
    public void Configure(EntityTypeBuilder<AuditedCustomer> builder)
    {
        builder.ToTable("audit_entry_customers");

        // The key is the auditor's question, "who saw customer X between these times", so it is also the only index.
        builder.HasKey(c => new { c.CustomerId, c.OccurredAt, c.EntryId });
    }
}
