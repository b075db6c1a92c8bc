using BankCrm.Core.Customers;
using BankCrm.Core.Segmentation.Tags;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BankCrm.Data.Segmentation.Tags;

internal sealed class TagDefinitionConfiguration : IEntityTypeConfiguration<TagDefinition>
{
    public void Configure(EntityTypeBuilder<TagDefinition> builder)
    {
        builder.ToTable("tag_definitions");
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasIndex(t => t.StarterCode).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(50);
        builder.Property(t => t.Description).HasMaxLength(500);
        builder.Property(t => t.Rule).HasMaxLength(20_000);
        builder.Property(t => t.StarterCode).HasMaxLength(50);
        builder.Property(t => t.UpdatedBy).HasMaxLength(100);
    }
}

internal sealed class CustomerTagConfiguration : IEntityTypeConfiguration<CustomerTag>
{
    public void Configure(EntityTypeBuilder<CustomerTag> builder)
    {
        builder.ToTable("customer_tags");

        // Tag first: refresh and segment filters work one tag at a time; the customer index serves the 360 page.
        builder.HasKey(t => new { t.TagId, t.CustomerId });
        builder.HasIndex(t => t.CustomerId);
        builder.Property(t => t.SetBy).HasMaxLength(100);
        builder.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TagDefinition>().WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}
