using BankCrm.Core.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BankCrm.Data.DemoBank;

/// <summary>
/// What the demo-bank generator planted in a customer's data, to measure churn models and AML rules against.
/// Only demo banks have rows here; read it with <c>db.Set&lt;DemoBankTruth&gt;()</c>.
/// </summary>
public sealed class DemoBankTruth
{
    public long CustomerId { get; set; }

    /// <summary>The customer's activity fades over the last six months of the history.</summary>
    public bool FutureChurner { get; set; }

    /// <summary>The money-laundering-like pattern planted in the transactions (<see cref="AmlPatterns"/>), or null.</summary>
    public string? AmlPattern { get; set; }
}

public static class AmlPatterns
{
    /// <summary>Many cash deposits just below the 50,000 CNY large-cash reporting threshold.</summary>
    public const string Structuring = "structuring";

    /// <summary>Large amounts in and out again within hours (快进快出).</summary>
    public const string RapidInOut = "rapid_in_out";
}

internal sealed class DemoBankTruthConfiguration : IEntityTypeConfiguration<DemoBankTruth>
{
    public void Configure(EntityTypeBuilder<DemoBankTruth> builder)
    {
        builder.ToTable("demo_bank_truth");
        builder.HasKey(t => t.CustomerId);
        builder.Property(t => t.CustomerId).ValueGeneratedNever();
        builder.Property(t => t.AmlPattern).HasMaxLength(30);
        builder.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
