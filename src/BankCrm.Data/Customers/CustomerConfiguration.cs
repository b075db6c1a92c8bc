using BankCrm.Core.Customers;
using BankCrm.Core.Organization;
using BankCrm.Data.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BankCrm.Data.Customers;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("customers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.CustomerNumber).HasMaxLength(20);
        builder.HasIndex(c => c.CustomerNumber).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.Version).IsConcurrencyToken();

        // Exact search by ID number and phone goes through blind indexes (Protection/ProtectedColumns); list pages
        // filter by branch and RM and sort by name.
        builder.HasIndex(c => new { c.BranchId, c.Id });
        builder.HasIndex(c => new { c.RelationshipManagerId, c.Id });
        builder.HasIndex(c => c.Name);

        builder.HasOne<Branch>().WithMany().HasForeignKey(c => c.BranchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(c => c.RelationshipManagerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class FieldChangeConfiguration : IEntityTypeConfiguration<FieldChange>
{
    public void Configure(EntityTypeBuilder<FieldChange> builder)
    {
        builder.ToTable("customer_changes");
        builder.HasIndex(c => new { c.CustomerId, c.ChangedAt });
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IdentityDocumentConfiguration : IEntityTypeConfiguration<IdentityDocument>
{
    public void Configure(EntityTypeBuilder<IdentityDocument> builder)
    {
        builder.ToTable("identity_documents");
        builder.HasIndex(d => d.CustomerId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(d => d.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContactPointConfiguration : IEntityTypeConfiguration<ContactPoint>
{
    public void Configure(EntityTypeBuilder<ContactPoint> builder)
    {
        builder.ToTable("contact_points");
        builder.HasIndex(c => c.CustomerId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CustomerRelationshipConfiguration : IEntityTypeConfiguration<CustomerRelationship>
{
    public void Configure(EntityTypeBuilder<CustomerRelationship> builder)
    {
        builder.ToTable("customer_relationships");
        builder.HasIndex(r => r.CustomerId);
        builder.HasIndex(r => r.RelatedCustomerId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.RelatedCustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
