using BankCrm.Core.Customers;
using BankCrm.Core.Organization;
using BankCrm.Data.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BankCrm.Data.Customers.Sharing;

internal sealed class CustomerShareConfiguration : IEntityTypeConfiguration<CustomerShare>
{
    public void Configure(EntityTypeBuilder<CustomerShare> builder)
    {
        builder.ToTable("customer_shares");
        builder.Property(s => s.Reason).HasMaxLength(CustomerSharingRules.MaxReasonLength);

        // Read on every request of a colleague (cached briefly): the shares of one user that are still running.
        builder.HasIndex(s => new { s.SharedWithId, s.ExpiresAt });

        // The Customer 360 list of a customer's shares.
        builder.HasIndex(s => new { s.CustomerId, s.ExpiresAt });
        builder.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(s => s.SharedWithId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(s => s.SharedById).OnDelete(DeleteBehavior.Restrict);
    }
}
