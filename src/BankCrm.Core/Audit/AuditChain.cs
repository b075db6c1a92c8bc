using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BankCrm.Core.Audit;

/// <summary>
/// The hash chain over the audit log: Hash(n) = SHA-256(canonical(entry n) ‖ Hash(n-1)), starting from 64 zeros.
/// The canonical form length-prefixes every field and marks nulls, so no two different entries encode alike.
/// </summary>
public static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// Timestamps are hashed at microsecond precision: PostgreSQL stores no finer, and the hash must survive a round trip.
    /// </summary>
    public static DateTime Normalize(DateTime occurredAt)
    {
        var utc = DateTime.SpecifyKind(occurredAt, DateTimeKind.Utc);
        return utc.AddTicks(-(utc.Ticks % 10));
    }

    public static string ComputeHash(AuditEntry entry, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var buffer = new MemoryStream();
        Write(buffer, "bankcrm-audit-v1");
        Write(buffer, entry.Id.ToString(CultureInfo.InvariantCulture));
        Write(buffer, Normalize(entry.OccurredAt).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Write(buffer, entry.ActorId);
        Write(buffer, entry.ActorName);
        Write(buffer, entry.Action);
        Write(buffer, entry.CustomerId?.ToString(CultureInfo.InvariantCulture));
        Write(buffer, entry.Fields);
        Write(buffer, entry.Purpose);
        Write(buffer, entry.Detail);
        Write(buffer, entry.RemoteIp);
        Write(buffer, previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>Sets <see cref="AuditEntry.PreviousHash"/> and <see cref="AuditEntry.Hash"/> of a new entry that follows <paramref name="previous"/>.</summary>
    public static void Seal(AuditEntry entry, AuditEntry? previous)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.OccurredAt = Normalize(entry.OccurredAt);
        entry.PreviousHash = previous?.Hash ?? Genesis;
        entry.Hash = ComputeHash(entry, entry.PreviousHash);
    }

    public static AuditVerification Verify(IEnumerable<AuditEntry> orderedById)
    {
        ArgumentNullException.ThrowIfNull(orderedById);
        var cursor = new AuditChainCursor();
        foreach (var entry in orderedById)
        {
            if (cursor.Next(entry) is { } broken)
            {
                return broken;
            }
        }

        return cursor.Result();
    }

    private static void Write(Stream buffer, string? value)
    {
        // Null and empty must differ: a 0xFF marker for null, else a 4-byte length and the UTF-8 bytes.
        if (value is null)
        {
            buffer.WriteByte(0xFF);
            return;
        }

        buffer.WriteByte(0x00);
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}
