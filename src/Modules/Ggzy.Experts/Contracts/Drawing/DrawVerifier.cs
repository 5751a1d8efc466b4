using System.Text;
using Ggzy.Sealing;

namespace Ggzy.Experts.Contracts.Drawing;

/// <summary>What a verification found wrong, by round (0: the draw as a whole), with a stable code and a Chinese message.</summary>
public sealed record DrawFinding(int Round, string Code, string Message);

/// <summary>The outcome of <see cref="DrawVerifier.Verify"/>: the rounds recomputed and whatever did not match.</summary>
public sealed record DrawVerification(Guid DrawId, int Rounds, int SeatsRecomputed, IReadOnlyList<DrawFinding> Findings)
{
    public bool IsValid => Findings.Count == 0;
}

/// <summary>
/// Recomputes a draw from its public record alone (docs/expert-draw.md §7): per round, SM3(seed) equals the commitment,
/// SM3(snapshot) equals the recorded digest and the snapshot is canonical and names this draw and round, the selection
/// recomputed from seed and snapshot equals the published one and its digest; the first round draws what was requested,
/// a replacement round draws no more seats of a specialty than were declined or not answered before it, and no candidate
/// drawn in an earlier round is in its snapshot.
/// </summary>
public static class DrawVerifier
{
    public static DrawVerification Verify(DrawRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var findings = new List<DrawFinding>();
        var seats = 0;
        if (record.Format != DrawRecord.FormatV1)
        {
            findings.Add(new(0, "format", $"记录格式“{record.Format}”不是 {DrawRecord.FormatV1}。"));
            return new DrawVerification(record.DrawId, 0, 0, findings);
        }

        if (record.Rounds.Count == 0)
        {
            findings.Add(new(0, "no-rounds", "记录中没有抽取轮次。"));
        }

        var drawnBefore = new HashSet<string>(StringComparer.Ordinal);
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < record.Rounds.Count; r++)
        {
            var round = record.Rounds[r];
            if (round.Number != r + 1)
            {
                findings.Add(new(round.Number, "round-order", $"第 {r + 1} 个轮次的编号是 {round.Number}：轮次应从 1 起连续编号。"));
            }

            seats += VerifyRound(record, round, r == 0, drawnBefore, open, findings);
        }

        return new DrawVerification(record.DrawId, record.Rounds.Count, seats, findings);
    }

    private static int VerifyRound(DrawRecord record, DrawRecordRound round, bool first, HashSet<string> drawnBefore,
        Dictionary<string, int> open, List<DrawFinding> findings)
    {
        var n = round.Number;
        var published = round.Selection.OrderBy(s => s.Position).ToList();
        try
        {
            if (!Equal(DrawSelection.DigestHex(published.Select(s => new DrawnSeat(s.Specialty, s.Position, s.Pseudonym))), round.SelectionDigest))
            {
                findings.Add(new(n, "selection-digest", "公布的抽取结果与抽取时记录的结果摘要（SM3）不一致。"));
            }

            if (!Equal(Sm3.HashHex(Encoding.UTF8.GetBytes(round.Snapshot)), round.SnapshotDigest))
            {
                findings.Add(new(n, "snapshot-digest", "候选人快照的 SM3 摘要与抽取时记录的摘要不一致：快照被改动过。"));
            }

            CandidateSnapshot snapshot;
            try
            {
                snapshot = CandidateSnapshot.Parse(round.Snapshot);
            }
            catch (DrawFormatException e)
            {
                findings.Add(new(n, "snapshot-format", e.Message));
                return 0;
            }

            if (snapshot.DrawId != record.DrawId || snapshot.Round != n)
            {
                findings.Add(new(n, "snapshot-draw", $"候选人快照属于抽取 {snapshot.DrawId} 的第 {snapshot.Round} 轮，不是本记录的第 {n} 轮。"));
            }

            CheckDemand(record, snapshot, first, open, findings);
            var reused = snapshot.Candidates.Count(c => drawnBefore.Contains(c.Pseudonym));
            if (reused > 0)
            {
                findings.Add(new(n, "replacement-includes-drawn", $"补抽轮次的候选人快照中有 {reused} 名此前轮次已抽中的候选人：已抽中的专家不得再次抽取。"));
            }

            if (round.Seed is null)
            {
                findings.Add(new(n, "seed-hidden", "随机种子尚未公开：评标结束、种子公开后才能验证。"));
                return 0;
            }

            if (!TryHex(round.Seed, DrawRandom.SeedBytes, out var seed))
            {
                findings.Add(new(n, "seed-format", "随机种子应为 64 位十六进制数（32 字节）。"));
                return 0;
            }

            if (!Equal(DrawSelection.SeedCommitment(seed), round.SeedCommitment))
            {
                findings.Add(new(n, "seed-commitment", "公开的随机种子与抽取前记录的承诺值 SM3(种子) 不一致。"));
            }

            IReadOnlyList<DrawnSeat> recomputed;
            try
            {
                recomputed = VerifiableDraw.Select(seed, snapshot);
            }
            catch (DrawShortException e)
            {
                findings.Add(new(n, "snapshot-short", e.Message));
                return 0;
            }

            var same = recomputed.Count == published.Count && recomputed.Zip(published).All(p =>
                p.First.Position == p.Second.Position && p.First.Specialty == p.Second.Specialty && p.First.Pseudonym == p.Second.Pseudonym);
            if (!same)
            {
                findings.Add(new(n, "selection", "按公开的种子和候选人快照重新计算的抽取结果与公布的结果不一致。"));
            }

            return recomputed.Count;
        }
        finally
        {
            foreach (var seat in published)
            {
                drawnBefore.Add(seat.Pseudonym);
                if (SeatOutcomes.OpensSeat(seat.Outcome))
                {
                    open[seat.Specialty] = open.GetValueOrDefault(seat.Specialty) + 1;
                }
            }
        }
    }

    private static void CheckDemand(DrawRecord record, CandidateSnapshot snapshot, bool first, Dictionary<string, int> open, List<DrawFinding> findings)
    {
        var n = snapshot.Round;
        if (first)
        {
            var requested = record.Requested.OrderBy(d => d.Specialty, StringComparer.Ordinal).ToList();
            if (!requested.SequenceEqual(snapshot.Demands))
            {
                findings.Add(new(n, "demand", "第一轮的抽取需求与申请的专业和人数不一致。"));
            }

            return;
        }

        foreach (var demand in snapshot.Demands)
        {
            var available = open.GetValueOrDefault(demand.Specialty);
            if (demand.Count > available)
            {
                findings.Add(new(n, "replacement-demand",
                    $"补抽轮次抽取专业 {demand.Specialty} {demand.Count} 人，但此前只有 {available} 个席位因拒绝或未按时答复而空出。"));
            }

            open[demand.Specialty] = available - demand.Count;
        }
    }

    private static bool Equal(string computed, string recorded) => string.Equals(computed, recorded, StringComparison.OrdinalIgnoreCase);

    private static bool TryHex(string hex, int bytes, out byte[] value)
    {
        value = [];
        if (hex.Length != bytes * 2 || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        value = Convert.FromHexString(hex);
        return true;
    }
}
