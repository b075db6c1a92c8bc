using BankCrm.Core.Organization;

namespace BankCrm.Core.Privacy;

/// <summary>
/// A customer's request to exercise a right under PIPL Art. 44–47 (个人信息权利请求). Received → in progress →
/// completed, or rejected with a reason from either open state; every step is kept in <see cref="History"/>.
/// </summary>
public sealed class DataSubjectRequest
{
    public const int MaxNoteLength = 1000;

    private readonly List<RequestStatusChange> history = [];

    private DataSubjectRequest()
    {
    }

    public long Id { get; private set; }

    public long CustomerId { get; private set; }

    public RequestKind Kind { get; private set; }

    public RequestChannel Channel { get; private set; }

    public DateTime ReceivedAt { get; private set; }

    /// <summary>China date by which the bank must answer (<see cref="ResponseDeadline"/>).</summary>
    public DateOnly DueOn { get; private set; }

    public string? RequesterNote { get; private set; }

    public RequestStatus Status { get; private set; }

    public string LoggedBy { get; private set; } = string.Empty;

    /// <summary>The member of staff who took the request; only they may download its export.</summary>
    public string? HandledBy { get; private set; }

    public string? HandledByName { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public string? RejectionReason { get; private set; }

    /// <summary>Set when the JSON copy was downloaded: a copy of everything is handed out once per format.</summary>
    public DateTime? JsonExportedAt { get; private set; }

    public DateTime? HtmlExportedAt { get; private set; }

    /// <summary>For erasure: what was erased and what was kept, and why (JSON), once executed.</summary>
    public string? Outcome { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<RequestStatusChange> History => history;

    public bool IsOpen => Status is RequestStatus.Received or RequestStatus.InProgress;

    public static DataSubjectRequest Receive(long customerId, RequestKind kind, RequestChannel channel, string? note, DateTime receivedAt, int responseDays, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var request = new DataSubjectRequest
        {
            CustomerId = customerId,
            Kind = kind,
            Channel = channel,
            ReceivedAt = receivedAt,
            DueOn = ResponseDeadline.DueOn(receivedAt, responseDays),
            RequesterNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            Status = RequestStatus.Received,
            LoggedBy = actor.UserId,
            Version = 1,
        };
        request.history.Add(new RequestStatusChange { FromStatus = null, ToStatus = RequestStatus.Received, ChangedAt = receivedAt, ChangedBy = actor.UserId, ChangedByName = actor.UserName });
        return request;
    }

    /// <summary>Why the request cannot move to <paramref name="to"/>, in words for the user; null when it can.</summary>
    public string? CannotMoveTo(RequestStatus to, string? reason)
    {
        var allowed = (Status, to) switch
        {
            (RequestStatus.Received, RequestStatus.InProgress) => true,
            (RequestStatus.Received, RequestStatus.Rejected) => true,
            (RequestStatus.InProgress, RequestStatus.Completed) => true,
            (RequestStatus.InProgress, RequestStatus.Rejected) => true,
            _ => false,
        };
        if (!allowed)
        {
            return Status switch
            {
                RequestStatus.Completed => $"请求已办结，不能再改为“{Label(to)}”",
                RequestStatus.Rejected => $"请求已拒绝，不能再改为“{Label(to)}”",
                RequestStatus.Received when to == RequestStatus.Completed => "请求须先受理（改为处理中）才能办结",
                _ => $"请求当前为“{Label(Status)}”，不能改为“{Label(to)}”",
            };
        }

        return to == RequestStatus.Rejected && string.IsNullOrWhiteSpace(reason) ? "拒绝请求须说明理由（PIPL 第五十条）" : null;
    }

    /// <summary>Moves the request on; throws with the rule when the move is not allowed (check <see cref="CannotMoveTo"/> first).</summary>
    public RequestStatusChange MoveTo(RequestStatus to, string? note, Actor actor, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (CannotMoveTo(to, note) is { } rule)
        {
            throw new InvalidOperationException(rule);
        }

        var change = new RequestStatusChange
        {
            RequestId = Id,
            FromStatus = Status,
            ToStatus = to,
            ChangedAt = now,
            ChangedBy = actor.UserId,
            ChangedByName = actor.UserName,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        history.Add(change);
        Status = to;
        Version++;
        switch (to)
        {
            case RequestStatus.InProgress:
                HandledBy = actor.UserId;
                HandledByName = actor.UserName;
                break;
            case RequestStatus.Completed:
                CompletedAt = now;
                break;
            case RequestStatus.Rejected:
                CompletedAt = now;
                RejectionReason = change.Note;
                break;
        }

        return change;
    }

    /// <summary>Marks one format of the export as handed out; false when it already was.</summary>
    public bool TryMarkExported(bool html, DateTime now)
    {
        if ((html ? HtmlExportedAt : JsonExportedAt) is not null)
        {
            return false;
        }

        if (html)
        {
            HtmlExportedAt = now;
        }
        else
        {
            JsonExportedAt = now;
        }

        Version++;
        return true;
    }

    public void RecordOutcome(string outcome)
    {
        Outcome = outcome;
        Version++;
    }

    public static string Label(RequestStatus status) => status switch
    {
        RequestStatus.Received => "已登记",
        RequestStatus.InProgress => "处理中",
        RequestStatus.Completed => "已办结",
        RequestStatus.Rejected => "已拒绝",
        _ => status.ToString(),
    };
}
