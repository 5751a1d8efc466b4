namespace Ggzy.Platform.Ledger;

public enum LedgerFaultKind
{
    /// <summary>记录被篡改: the stored hash does not recompute from the stored fields.</summary>
    Tampered,

    /// <summary>记录缺失: a sequence number is missing.</summary>
    Missing,

    /// <summary>顺序错乱: an intact entry sits at the wrong place in the sequence.</summary>
    OutOfOrder,

    /// <summary>链断开: an entry's previous hash is not the hash of the entry before it.</summary>
    ChainBroken,
}

/// <summary>The first place where the Ledger is not what its writer left; <see cref="Sequence"/> is the bad number.</summary>
public sealed record LedgerFault(long Sequence, LedgerFaultKind Kind, string Detail)
{
    public string Reason => Kind switch
    {
        LedgerFaultKind.Tampered => "记录被篡改",
        LedgerFaultKind.Missing => "记录缺失",
        LedgerFaultKind.OutOfOrder => "顺序错乱",
        LedgerFaultKind.ChainBroken => "链断开",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "未知的账本错误类型。"),
    };
}

/// <summary>
/// The outcome of one pass over the Ledger. <see cref="Verified"/> entries from 1 on were found intact; when there
/// is no fault they are all of them, and <see cref="LastHash"/> is the hash of the last one (the genesis hash when the
/// Ledger is empty), the value to compare with a published checkpoint.
/// </summary>
public sealed record LedgerVerification(long Verified, string LastHash, TimeSpan Elapsed, LedgerFault? Fault)
{
    public bool IsIntact => Fault is null;
}

/// <summary>How far a verification has read, and the highest sequence number when it started.</summary>
public readonly record struct LedgerVerifierProgress(long Read, long Total);
