using BankCrm.Core.Customers;
using BankCrm.Core.Engagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BankCrm.Data.Engagement;

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> builder)
    {
        builder.ToTable("interactions");
        builder.Property(i => i.Summary).HasMaxLength(2000);
        builder.Property(i => i.Outcome).HasMaxLength(500);
        builder.Property(i => i.NextStep).HasMaxLength(500);
        builder.HasIndex(i => new { i.CustomerId, i.OccurredAt });
        builder.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppEventConfiguration : IEntityTypeConfiguration<AppEvent>
{
    public void Configure(EntityTypeBuilder<AppEvent> builder)
    {
        builder.ToTable("app_events");
        builder.HasIndex(e => new { e.CustomerId, e.OccurredAt });
    }
}
