namespace BankCrm.Core.Audit;

/// <summary>Checks entries one at a time, so a verifier can stream a log of any length without holding it in memory.</summary>
public sealed class AuditChainCursor
{
    private long count;
    private long lastId;
    private string lastHash = AuditChain.Genesis;

    /// <summary>Returns the failure at this entry, or null when it links correctly to everything before it.</summary>
    public AuditVerification? Next(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (AuditChain.ComputeHash(entry, entry.PreviousHash) != entry.Hash)
        {
            return Broken(entry.Id, "内容与哈希不符，记录被修改 (hash mismatch: entry altered)");
        }

        var expectedId = lastId + 1;
        if (entry.Id != expectedId)
        {
            var reason = entry.Id > expectedId
                ? $"缺少第 {expectedId} 至 {entry.Id - 1} 条记录，已被删除 (id gap: entries deleted)"
                : $"序号应为 {expectedId}，记录顺序被打乱 (id out of order: entries reordered)";
            return Broken(entry.Id, reason);
        }

        if (entry.PreviousHash != lastHash)
        {
            return Broken(entry.Id, "前一哈希不符，之前的记录被删除、替换或调换 (previous-hash mismatch: entry before deleted, replaced or reordered)");
        }

        count++;
        lastId = entry.Id;
        lastHash = entry.Hash;
        return null;
    }

    public AuditVerification Result() => new(count, lastHash, null, null);

    private AuditVerification Broken(long id, string reason) => new(count, lastHash, id, reason);
}
