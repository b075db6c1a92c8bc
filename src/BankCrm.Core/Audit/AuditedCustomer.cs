namespace BankCrm.Core.Audit;

/// <summary>
/// One customer named by an audit entry: the entry's own customer, or one of the customers a list or search showed.
/// An index of the hashed entry (the ids are in its <see cref="AuditEntry.CustomerId"/> or its detail), kept so that
/// "who saw customer X" is one index range scan however many customers each list read named.
/// </summary>
public sealed class AuditedCustomer
{
    public long CustomerId { get; set; }

    public DateTime OccurredAt { get; set; }

    public long EntryId { get; set; }
}
