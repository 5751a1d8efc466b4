namespace Ggzy.Cli;

/// <summary>The exit codes of every <c>ggzy</c> command, as docs/ledger.md lists them for scripts.</summary>
public static class ExitCodes
{
    /// <summary>Done; for <c>ledger verify</c>, the Ledger is intact.</summary>
    public const int Ok = 0;

    /// <summary>Wrong usage, configuration, or a database that cannot be reached or read.</summary>
    public const int Error = 1;

    /// <summary><c>ledger verify</c>: an entry was altered, removed or reordered.</summary>
    public const int LedgerDamaged = 2;

    /// <summary><c>archive verify</c>: the package's signature, a document, or its layout does not check out.</summary>
    public const int ArchiveDamaged = 3;

    /// <summary><c>experts verify-draw</c>: the recomputed draw, or the record against the Ledger, does not match.</summary>
    public const int DrawMismatch = 4;
}
