using BankCrm.Core.Audit;

namespace BankCrm.Core.Tests.Audit;

public sealed class AuditChainTests
{
    [Fact]
    public void Verify_WhenLogIsEmpty_IsIntactWithGenesisHead()
    {
        var result = AuditChain.Verify([]);

        Assert.True(result.Intact);
        Assert.Equal(0, result.Count);
        Assert.Equal(AuditChain.Genesis, result.LastHash);
        Assert.Equal(64, AuditChain.Genesis.Length);
    }

    [Fact]
    public void Verify_WhenSingleEntry_IsIntactAndLinksToGenesis()
    {
        var log = Chain(1);

        var result = AuditChain.Verify(log);

        Assert.True(result.Intact);
        Assert.Equal(1, result.Count);
        Assert.Equal(AuditChain.Genesis, log[0].PreviousHash);
        Assert.Equal(log[0].Hash, result.LastHash);
        Assert.Matches("^[0-9a-f]{64}$", log[0].Hash);
    }

    [Fact]
    public void Verify_WhenUntouched_IsIntact()
    {
        var log = Chain(5);

        var result = AuditChain.Verify(log);

        Assert.True(result.Intact);
        Assert.Equal(5, result.Count);
        Assert.Equal(log[^1].Hash, result.LastHash);
    }

    [Theory]
    [InlineData("ActorName")]
    [InlineData("Action")]
    [InlineData("CustomerId")]
    [InlineData("Fields")]
    [InlineData("Purpose")]
    [InlineData("Detail")]
    [InlineData("RemoteIp")]
    [InlineData("OccurredAt")]
    [InlineData("ActorId")]
    public void Verify_WhenAFieldIsAltered_NamesThatEntryAsAltered(string field)
    {
        var log = Chain(5);
        var entry = log[2];
        switch (field)
        {
            case "ActorName": entry.ActorName = "someone-else"; break;
            case "Action": entry.Action = AuditActions.LoginSucceeded; break;
            case "CustomerId": entry.CustomerId = 999; break;
            case "Fields": entry.Fields = "balances"; break;
            case "Purpose": entry.Purpose = null; break;
            case "Detail": entry.Detail = "{}"; break;
            case "RemoteIp": entry.RemoteIp = "10.0.0.9"; break;
            case "OccurredAt": entry.OccurredAt = entry.OccurredAt.AddSeconds(1); break;
            case "ActorId": entry.ActorId = null; break;
        }

        var result = AuditChain.Verify(log);

        Assert.False(result.Intact);
        Assert.Equal(3, result.BrokenAtId);
        Assert.Contains("altered", result.Reason, StringComparison.Ordinal);
        Assert.Equal(2, result.Count);
    }

    [Fact]
    public void Verify_WhenARowIsDeleted_NamesTheEntryAfterTheGap()
    {
        var log = Chain(5);
        log.RemoveAt(2);

        var result = AuditChain.Verify(log);

        Assert.Equal(4, result.BrokenAtId);
        Assert.Contains("deleted", result.Reason, StringComparison.Ordinal);
        Assert.Contains("第 3 至 3 条", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WhenTheFirstRowIsDeleted_NamesTheNewFirstEntry()
    {
        var log = Chain(3);
        log.RemoveAt(0);

        Assert.Equal(2, AuditChain.Verify(log).BrokenAtId);
    }

    [Fact]
    public void Verify_WhenTheLastRowIsDeleted_StillVerifies()
    {
        // A hash chain alone cannot see truncation at the end; that needs an external checkpoint (checklist §3.3 T4).
        var log = Chain(3);
        log.RemoveAt(2);

        Assert.True(AuditChain.Verify(log).Intact);
    }

    [Fact]
    public void Verify_WhenTwoRowsAreSwapped_NamesTheFirstOutOfPlace()
    {
        var log = Chain(5);
        (log[1], log[3]) = (log[3], log[1]);

        var result = AuditChain.Verify(log);

        Assert.Equal(4, result.BrokenAtId);
        Assert.Contains("deleted", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WhenContentsOfTwoRowsAreSwappedKeepingIds_NamesTheFirstAsAltered()
    {
        var log = Chain(5);
        Swap(log[1], log[3]);

        var result = AuditChain.Verify(log);

        Assert.Equal(2, result.BrokenAtId);
        Assert.Contains("altered", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WhenAHashIsChanged_NamesThatEntry()
    {
        var log = Chain(4);
        log[1].Hash = new string('a', 64);

        var result = AuditChain.Verify(log);

        Assert.Equal(2, result.BrokenAtId);
        Assert.Contains("altered", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WhenAnEntryIsRewrittenWithARecomputedHash_NamesTheNextEntry()
    {
        var log = Chain(4);
        log[1].ActorName = "forger";
        log[1].Hash = AuditChain.ComputeHash(log[1], log[1].PreviousHash);

        var result = AuditChain.Verify(log);

        Assert.Equal(3, result.BrokenAtId);
        Assert.Contains("previous-hash mismatch", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WhenIdsHaveAGap_NamesTheEntryAfterIt()
    {
        var log = Chain(3);
        log[2].Id = 7;
        log[2].Hash = AuditChain.ComputeHash(log[2], log[2].PreviousHash);

        var result = AuditChain.Verify(log);

        Assert.Equal(7, result.BrokenAtId);
        Assert.Contains("第 3 至 6 条", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WhenAnEntryRepeats_NamesItAsReordered()
    {
        var log = Chain(3);
        log.Add(log[1]);

        var result = AuditChain.Verify(log);

        Assert.Equal(2, result.BrokenAtId);
        Assert.Contains("reordered", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputeHash_WhenFieldBoundariesMove_Differs()
    {
        // "ab" + "c" must not hash like "a" + "bc", and null must not hash like empty.
        var one = Entry(1, fields: "ab", purpose: "c");
        var two = Entry(1, fields: "a", purpose: "bc");
        var empty = Entry(1, fields: "", purpose: null);
        var missing = Entry(1, fields: null, purpose: "");

        var hashes = new[] { one, two, empty, missing }.Select(e => AuditChain.ComputeHash(e, AuditChain.Genesis)).ToList();

        Assert.Equal(4, hashes.Distinct().Count());
    }

    [Fact]
    public void Seal_TruncatesTimeToMicroseconds_SoTheHashSurvivesPostgres()
    {
        var entry = Entry(1);
        entry.OccurredAt = new DateTime(2026, 11, 25, 1, 2, 3, DateTimeKind.Utc).AddTicks(1234567);

        AuditChain.Seal(entry, previous: null);

        Assert.Equal(0, entry.OccurredAt.Ticks % 10);
        var roundTripped = entry.OccurredAt.AddTicks(0);
        Assert.Equal(entry.Hash, AuditChain.ComputeHash(new AuditEntry
        {
            Id = entry.Id, OccurredAt = roundTripped, ActorId = entry.ActorId, ActorName = entry.ActorName, Action = entry.Action,
            CustomerId = entry.CustomerId, Fields = entry.Fields, Purpose = entry.Purpose, Detail = entry.Detail, RemoteIp = entry.RemoteIp,
        }, AuditChain.Genesis));
    }

    private static List<AuditEntry> Chain(int count)
    {
        var log = new List<AuditEntry>();
        for (var id = 1; id <= count; id++)
        {
            var entry = Entry(id);
            AuditChain.Seal(entry, log.LastOrDefault());
            log.Add(entry);
        }

        return log;
    }

    private static AuditEntry Entry(long id, string? fields = "balances,transactions", string? purpose = "客户经营") => new()
    {
        Id = id,
        OccurredAt = new DateTime(2026, 11, 25, 1, 0, 0, DateTimeKind.Utc).AddMinutes(id),
        ActorId = "user-" + id,
        ActorName = "rm" + id,
        Action = AuditActions.CustomerViewedSensitive,
        CustomerId = 100 + id,
        Fields = fields,
        Purpose = purpose,
        Detail = "{\"n\":" + id + "}",
        RemoteIp = "127.0.0.1",
    };

    private static void Swap(AuditEntry a, AuditEntry b)
    {
        (a.OccurredAt, b.OccurredAt) = (b.OccurredAt, a.OccurredAt);
        (a.ActorId, b.ActorId) = (b.ActorId, a.ActorId);
        (a.ActorName, b.ActorName) = (b.ActorName, a.ActorName);
        (a.Action, b.Action) = (b.Action, a.Action);
        (a.CustomerId, b.CustomerId) = (b.CustomerId, a.CustomerId);
        (a.Fields, b.Fields) = (b.Fields, a.Fields);
        (a.Purpose, b.Purpose) = (b.Purpose, a.Purpose);
        (a.Detail, b.Detail) = (b.Detail, a.Detail);
        (a.RemoteIp, b.RemoteIp) = (b.RemoteIp, a.RemoteIp);
        (a.PreviousHash, b.PreviousHash) = (b.PreviousHash, a.PreviousHash);
        (a.Hash, b.Hash) = (b.Hash, a.Hash);
    }
}
