using Ggzy.Platform.Ledger;

namespace Ggzy.Bench;

/// <summary>What a typical trading step writes: a bid submitted to a lot, by an agency user, with a small payload.</summary>
internal static class BenchEntries
{
    public static readonly CurrentActor Actor = new("zhang.san", "agency", "安和市公共资源交易中心", "192.0.2.18");

    public static LedgerDraft Draft(long n) => new("trading.bid.submitted", $"lot:{n % 997}", new
    {
        lotId = $"01a20894-042f-7499-be52-{n % 997:D12}",
        bidder = "91110000MA01ABCD2X",
        amount = 1_234_567.89m + n,
        digest = "9f2c6e3a1d4b5c7e8f90a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c",
        note = "投标文件已递交",
    });

    public sealed class Actors : ICurrentActorAccessor
    {
        public CurrentActor Current => Actor;
    }
}
