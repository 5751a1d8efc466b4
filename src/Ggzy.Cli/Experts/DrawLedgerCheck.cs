using System.Text.Json;
using Ggzy.Experts.Contracts.Drawing;
using Ggzy.Platform.Ledger;

namespace Ggzy.Cli.Experts;

/// <summary>
/// A draw record against the Ledger: each round's entries written when it was drawn must be there, at the sequence the
/// record names, and carry the same seed commitment, snapshot digest and selection digest.
/// </summary>
internal static class DrawLedgerCheck
{
    public static IReadOnlyList<DrawFinding> Compare(DrawRecord record, IReadOnlyList<LedgerEntry> entries)
    {
        var findings = new List<DrawFinding>();
        foreach (var round in record.Rounds)
        {
            var drawn = entries.FirstOrDefault(e => e.Type == "experts.draw.round-drawn" && Round(e) == round.Number);
            var committed = entries.FirstOrDefault(e => e.Type == "experts.draw.seed-committed" && Round(e) == round.Number);
            if (drawn is null || committed is null)
            {
                findings.Add(new(round.Number, "ledger-missing", "账本中没有这一轮抽取时写入的记录。"));
                continue;
            }

            if (drawn.Sequence != round.LedgerSequence || !string.Equals(drawn.Hash, round.LedgerHash, StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(new(round.Number, "ledger-entry", $"记录所引的账本条目（第 {round.LedgerSequence} 条）与账本中这一轮的条目（第 {drawn.Sequence} 条）不符。"));
            }

            if (!Same(committed, "seedCommitment", round.SeedCommitment))
            {
                findings.Add(new(round.Number, "ledger-seed-commitment", "记录中的随机种子承诺值与抽取前记入账本的不一致。"));
            }

            if (!Same(drawn, "snapshotDigest", round.SnapshotDigest))
            {
                findings.Add(new(round.Number, "ledger-snapshot-digest", "记录中的候选人快照摘要与抽取时记入账本的不一致。"));
            }

            if (!Same(drawn, "selectionDigest", round.SelectionDigest))
            {
                findings.Add(new(round.Number, "ledger-selection-digest", "记录中的抽取结果摘要与抽取时记入账本的不一致。"));
            }
        }

        return findings;
    }

    private static int Round(LedgerEntry entry) => JsonDocument.Parse(entry.Payload).RootElement.GetProperty("round").GetInt32();

    private static bool Same(LedgerEntry entry, string property, string value) =>
        JsonDocument.Parse(entry.Payload).RootElement.TryGetProperty(property, out var p)
        && string.Equals(p.GetString(), value, StringComparison.OrdinalIgnoreCase);
}
