using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BankCrm.Data.Holdings;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("products");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Code).HasMaxLength(30);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.AnnualRatePercent).HasPrecision(9, 4);
        builder.HasIndex(p => p.Code).IsUnique();
    }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("accounts");
        builder.Property(a => a.Currency).HasMaxLength(3);
        builder.HasIndex(a => a.CustomerId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Product>().WithMany().HasForeignKey(a => a.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TransactionConfiguration : IEntityTypeConfiguration<Transaction>
{
    public void Configure(EntityTypeBuilder<Transaction> builder)
    {
        builder.ToTable("transactions");
        builder.Property(t => t.Currency).HasMaxLength(3);
        builder.Property(t => t.Counterparty).HasMaxLength(100);
        builder.Property(t => t.MerchantCategory).HasMaxLength(20);

        // Every per-customer read (360 page, balance trend, scoring) walks this index; no foreign keys
        // on this 50-million-row table so bulk loads and a later distribution by customer_id stay cheap.
        builder.HasIndex(t => new { t.CustomerId, t.OccurredAt });
    }
}
