using Ggzy.Sealing;

namespace Ggzy.Platform.Ledger;

/// <summary>
/// Consecutive entries with the stored hash of the entry before the first: enough to check each entry's hash and link
/// without the rest of the Ledger, so batches are checked on several cores at once.
/// </summary>
internal sealed record LedgerVerifierBatch(string PriorHash, List<LedgerEntry> Entries)
{
    /// <summary>Checks the entries in order and reports the first bad one; later entries are left to the earlier finding.</summary>
    public void Check(LedgerVerifierFindings findings, Sm3 sm3)
    {
        var prior = PriorHash;
        Span<byte> digest = stackalloc byte[Sm3.DigestLength];
        Span<char> hex = stackalloc char[Sm3.DigestLength * 2];
        foreach (var entry in Entries)
        {
            if (entry.Sequence >= findings.FirstSequence)
            {
                return;
            }

            var linked = string.Equals(entry.PreviousHash, prior, StringComparison.Ordinal);
            var recomputes = Recomputes(entry, sm3, digest, hex);
            if (!linked || !recomputes)
            {
                findings.Report(Describe(entry, linked, recomputes));
                return;
            }

            prior = entry.Hash;
        }
    }

    private static bool Recomputes(LedgerEntry e, Sm3 sm3, Span<byte> digest, Span<char> hex)
    {
        byte[] bytes;
        try
        {
            bytes = LedgerHash.Encode(e.PreviousHash, e.Sequence, e.RecordedAt, e.Actor, e.Role, e.Organization,
                e.ClientIp, e.Type, e.Subject, e.Payload);
        }
        catch (FormatException)
        {
            return false;
        }

        sm3.Append(bytes);
        sm3.Finish(digest);
        return Convert.TryToHexStringLower(digest, hex, out _) && e.Hash.AsSpan().SequenceEqual(hex);
    }

    private static LedgerVerifierFinding Describe(LedgerEntry e, bool linked, bool recomputes) => (linked, recomputes) switch
    {
        (true, _) => new(new LedgerFault(e.Sequence, LedgerFaultKind.Tampered,
            $"第 {e.Sequence} 条记录的哈希与按存储内容重算的哈希不符。")),
        (false, true) => new(new LedgerFault(e.Sequence, LedgerFaultKind.ChainBroken, e.Sequence == 1
            ? "第 1 条记录的前一条哈希不是创世哈希（64 个 0）。"
            : $"第 {e.Sequence} 条记录的前一条哈希与第 {e.Sequence - 1} 条记录的哈希不符（第 {e.Sequence - 1} 条可能被改写后重算了哈希）。")),
        (false, false) => new(new LedgerFault(e.Sequence, LedgerFaultKind.Tampered,
            $"第 {e.Sequence} 条记录的哈希与按存储内容重算的哈希不符，且不接在第 {e.Sequence - 1} 条之后。"), e.PreviousHash),
    };
}
