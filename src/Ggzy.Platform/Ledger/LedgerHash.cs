using System.Buffers.Binary;
using System.Text;
using Ggzy.Sealing;

namespace Ggzy.Platform.Ledger;

/// <summary>
/// The SM3 hash of an entry over (previous hash, sequence, time, actor, role, organisation, client IP, type,
/// subject, canonical payload). Numbers are big-endian 64-bit; time is Unix microseconds (UTC); each text field is
/// its UTF-8 bytes preceded by their length as a big-endian 32-bit integer. Documented in docs/ledger.md.
/// </summary>
public static class LedgerHash
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private const long StoredTicks = TimeSpan.TicksPerMillisecond / 10;

    public static string Compute(LedgerEntry e) =>
        Convert.ToHexStringLower(ComputeBytes(e.PreviousHash, e.Sequence, e.RecordedAt, e.Actor, e.Role,
            e.Organization, e.ClientIp, e.Type, e.Subject, e.Payload));

    public static byte[] ComputeBytes(string previousHash, long sequence, DateTimeOffset recordedAt, string actor,
        string role, string organization, string clientIp, string type, string subject, string payload)
    {
        var buffer = Encode(previousHash, sequence, recordedAt, actor, role, organization, clientIp, type, subject, payload);
        return Sm3.Hash(buffer);
    }

    /// <summary>The exact bytes hashed for an entry (used by verification and its benchmark).</summary>
    public static byte[] Encode(string previousHash, long sequence, DateTimeOffset recordedAt, string actor,
        string role, string organization, string clientIp, string type, string subject, string payload)
    {
        string[] texts = [actor, role, organization, clientIp, type, subject, payload];
        var length = Sm3.DigestLength + 16;
        foreach (var t in texts)
        {
            length += 4 + Encoding.UTF8.GetByteCount(t);
        }

        var buffer = new byte[length];
        var span = buffer.AsSpan();
        if (!Convert.FromHexString(previousHash, span[..Sm3.DigestLength], out _, out var written)
            .Equals(System.Buffers.OperationStatus.Done) || written != Sm3.DigestLength)
        {
            throw new FormatException("前一条记录的哈希不是 64 位十六进制。");
        }

        var at = Sm3.DigestLength;
        BinaryPrimitives.WriteInt64BigEndian(span[at..], sequence);
        BinaryPrimitives.WriteInt64BigEndian(span[(at + 8)..], ToUnixMicroseconds(recordedAt));
        at += 16;
        foreach (var t in texts)
        {
            var n = Encoding.UTF8.GetBytes(t, span[(at + 4)..]);
            BinaryPrimitives.WriteInt32BigEndian(span[at..], n);
            at += 4 + n;
        }

        return buffer;
    }

    public static long ToUnixMicroseconds(DateTimeOffset t) =>
        (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (TimeSpan.TicksPerMillisecond / 1000);

    /// <summary>
    /// Ledger times are kept to 0.1 ms, a precision both databases keep exactly: PostgreSQL keeps microseconds, but
    /// SQLite stores times through EF Core's DateTimeOffsetToBinaryConverter, which drops everything below 0.1 ms.
    /// A finer time would be hashed as written and read back rounded, and the entry would no longer verify.
    /// </summary>
    public static DateTimeOffset Truncate(DateTimeOffset t) =>
        new(t.UtcTicks - (t.UtcTicks % StoredTicks), TimeSpan.Zero);
}
