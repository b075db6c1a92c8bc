using BankCrm.Core.Organization;
using BankCrm.Core.Privacy;

namespace BankCrm.Core.Tests.Privacy;

public sealed class DataSubjectRequestTests
{
    private static readonly DateTime Received = new(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Agent = new("u-agent", "agent1", [StaffRole.ServiceAgent], null);

    [Fact]
    public void Receive_WhenLogged_IsReceivedWithItsFirstHistoryLine()
    {
        var request = New(RequestKind.Access);

        Assert.Equal(RequestStatus.Received, request.Status);
        Assert.Equal(new DateOnly(2026, 12, 10), request.DueOn);
        var line = Assert.Single(request.History);
        Assert.Null(line.FromStatus);
        Assert.Equal(RequestStatus.Received, line.ToStatus);
    }

    [Fact]
    public void MoveTo_WhenTaken_RecordsTheHandlerAndTheStep()
    {
        var request = New(RequestKind.Access);

        request.MoveTo(RequestStatus.InProgress, null, Agent, Received.AddHours(1));

        Assert.Equal(RequestStatus.InProgress, request.Status);
        Assert.Equal("u-agent", request.HandledBy);
        Assert.Equal([RequestStatus.Received, RequestStatus.InProgress], request.History.Select(h => h.ToStatus));
    }

    [Fact]
    public void MoveTo_WhenCompletingAReceivedRequest_ThrowsWithTheRule()
    {
        var request = New(RequestKind.Access);

        var error = Assert.Throws<InvalidOperationException>(() => request.MoveTo(RequestStatus.Completed, null, Agent, Received));

        Assert.Equal("请求须先受理（改为处理中）才能办结", error.Message);
        Assert.Equal(RequestStatus.Received, request.Status);
    }

    [Fact]
    public void CannotMoveTo_WhenRejectingWithoutAReason_NamesTheRule()
    {
        Assert.Equal("拒绝请求须说明理由（PIPL 第五十条）", New(RequestKind.Erasure).CannotMoveTo(RequestStatus.Rejected, "  "));
    }

    [Theory]
    [InlineData(RequestStatus.InProgress)]
    [InlineData(RequestStatus.Completed)]
    [InlineData(RequestStatus.Rejected)]
    public void CannotMoveTo_WhenCompleted_RefusesEveryMove(RequestStatus to)
    {
        var request = New(RequestKind.Access);
        request.MoveTo(RequestStatus.InProgress, null, Agent, Received);
        request.MoveTo(RequestStatus.Completed, null, Agent, Received);

        Assert.StartsWith("请求已办结", request.CannotMoveTo(to, "理由"), StringComparison.Ordinal);
    }

    [Fact]
    public void MoveTo_WhenRejected_KeepsTheReasonAndClosesTheRequest()
    {
        var request = New(RequestKind.Erasure);

        request.MoveTo(RequestStatus.Rejected, "无法核实身份", Agent, Received.AddDays(1));

        Assert.Equal("无法核实身份", request.RejectionReason);
        Assert.False(request.IsOpen);
        Assert.NotNull(request.CompletedAt);
    }

    [Fact]
    public void TryMarkExported_WhenAFormatWasHandedOut_RefusesItOnceMore()
    {
        var request = New(RequestKind.Access);

        Assert.True(request.TryMarkExported(html: false, Received));
        Assert.False(request.TryMarkExported(html: false, Received));
        Assert.True(request.TryMarkExported(html: true, Received));
    }

    private static DataSubjectRequest New(RequestKind kind) => DataSubjectRequest.Receive(42, kind, RequestChannel.Branch, null, Received, 15, Agent);
}
