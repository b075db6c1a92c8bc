using BankCrm.Core.Engagement.Events;

namespace BankCrm.Data.Engagement.Events;

public sealed record EventInput(string? Title, string? Description, DateTimeOffset? StartsAt, string? Location, int? Capacity, int? BranchId, EventStatus? Status);

public sealed record EventListItem(long Id, string Title, DateTime StartsAt, string Location, int Capacity, EventStatus Status, int Invited, int Registered, int Attended);

public sealed record AttendeeCounts(int Invited, int Registered, int Declined, int Attended, int NoShow)
{
    public int SeatsTaken => Registered + Attended;
}

public sealed record EventView(
    long Id, string Title, string Description, DateTime StartsAt, string Location, int Capacity, int? BranchId, EventStatus Status,
    string CreatedBy, DateTime CreatedAt, int Version, AttendeeCounts Counts);

public sealed record AttendeeLine(
    long CustomerId, string CustomerNumber, string MaskedName, AttendeeStatus Status, DateTime InvitedAt, DateTime? RegisteredAt, DateTime? AttendedAt, long? FollowUpTaskId);

/// <summary>Invited now, and skipped: already on the list or not to be contacted at all.</summary>
public sealed record InvitationResult(int Invited, int Skipped);

public sealed record FollowUpResult(int Created);
