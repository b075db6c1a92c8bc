using BankCrm.Core.Customers;
using BankCrm.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BankCrm.Data.Privacy;

internal sealed class DataSubjectRequestConfiguration : IEntityTypeConfiguration<DataSubjectRequest>
{
    public void Configure(EntityTypeBuilder<DataSubjectRequest> builder)
    {
        builder.ToTable("privacy_requests");
        builder.Property(r => r.RequesterNote).HasMaxLength(DataSubjectRequest.MaxNoteLength);
        builder.Property(r => r.RejectionReason).HasMaxLength(DataSubjectRequest.MaxNoteLength);
        builder.Property(r => r.LoggedBy).HasMaxLength(100);
        builder.Property(r => r.HandledBy).HasMaxLength(100);
        builder.Property(r => r.HandledByName).HasMaxLength(100);
        builder.Property(r => r.Outcome).HasMaxLength(8000);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsOpen);

        // The queue is read by status and due date; a customer's requests from the 360 page.
        builder.HasIndex(r => new { r.Status, r.DueOn });
        builder.HasIndex(r => r.CustomerId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.History).WithOne().HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RequestStatusChangeConfiguration : IEntityTypeConfiguration<RequestStatusChange>
{
    public void Configure(EntityTypeBuilder<RequestStatusChange> builder)
    {
        builder.ToTable("privacy_request_changes");
        builder.Property(c => c.ChangedBy).HasMaxLength(100);
        builder.Property(c => c.ChangedByName).HasMaxLength(100);
        builder.Property(c => c.Note).HasMaxLength(DataSubjectRequest.MaxNoteLength);
        builder.HasIndex(c => c.RequestId);
    }
}

internal sealed class CorrectionProposalConfiguration : IEntityTypeConfiguration<CorrectionProposal>
{
    public void Configure(EntityTypeBuilder<CorrectionProposal> builder)
    {
        builder.ToTable("privacy_corrections");
        builder.Property(c => c.Changes).HasMaxLength(4000);
        builder.Property(c => c.ProposedBy).HasMaxLength(100);
        builder.Property(c => c.ProposedByName).HasMaxLength(100);
        builder.Property(c => c.DecidedBy).HasMaxLength(100);
        builder.Property(c => c.DecidedByName).HasMaxLength(100);
        builder.Property(c => c.DecisionNote).HasMaxLength(DataSubjectRequest.MaxNoteLength);
        builder.HasIndex(c => c.RequestId);
        builder.HasOne<DataSubjectRequest>().WithMany().HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
