using System.Text;
using Ggzy.Sealing;

namespace Ggzy.Experts.Contracts.Drawing;

/// <summary>
/// The canonical candidate snapshot of one round (docs/expert-draw.md §3): the draw, the round, the demand per specialty
/// and every eligible candidate as an opaque pseudonym with the demanded specialties it holds — UTF-8 text, one record a
/// line, each line ending in LF, demands ordered by specialty code and candidates by pseudonym (ordinal). The same inputs
/// give the same bytes; its SM3 digest is recorded on the Ledger when the round is drawn.
/// </summary>
public sealed class CandidateSnapshot
{
    public const string Header = "ggzy.expert-draw.snapshot.v1";

    private CandidateSnapshot(Guid drawId, int round, IReadOnlyList<DrawDemand> demands, IReadOnlyList<DrawCandidate> candidates, string text)
    {
        DrawId = drawId;
        Round = round;
        Demands = demands;
        Candidates = candidates;
        Text = text;
        Digest = Sm3.Hash(Encoding.UTF8.GetBytes(text));
    }

    public Guid DrawId { get; }

    public int Round { get; }

    /// <summary>The demands in canonical order: the order in which the round draws them.</summary>
    public IReadOnlyList<DrawDemand> Demands { get; }

    /// <summary>The candidates in canonical order (by pseudonym).</summary>
    public IReadOnlyList<DrawCandidate> Candidates { get; }

    public string Text { get; }

    /// <summary>SM3 of the UTF-8 bytes of <see cref="Text"/>.</summary>
    public byte[] Digest { get; }

    public string DigestHex => Convert.ToHexStringLower(Digest);

    /// <summary>
    /// The canonical snapshot of these inputs: demands sorted by specialty, candidates by pseudonym, each candidate's
    /// specialties reduced to the demanded ones and sorted; a candidate holding none of them is left out.
    /// </summary>
    public static CandidateSnapshot Create(Guid drawId, int round, IEnumerable<DrawDemand> demands, IEnumerable<DrawCandidate> candidates)
    {
        if (round < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(round), round, "Rounds are numbered from 1.");
        }

        var orderedDemands = demands.OrderBy(d => d.Specialty, StringComparer.Ordinal).ToList();
        if (orderedDemands.Count == 0)
        {
            throw new DrawFormatException("抽取需求为空：至少需要一个专业及人数。");
        }

        foreach (var demand in orderedDemands)
        {
            if (!DrawText.IsSpecialty(demand.Specialty) || demand.Count < 1)
            {
                throw new DrawFormatException($"抽取需求无效：专业代码“{demand.Specialty}”，人数 {demand.Count}。");
            }
        }

        if (orderedDemands.Select(d => d.Specialty).Distinct(StringComparer.Ordinal).Count() != orderedDemands.Count)
        {
            throw new DrawFormatException("抽取需求中同一专业出现了两次：每个专业只写一行，人数合并。");
        }

        var demanded = orderedDemands.Select(d => d.Specialty).ToHashSet(StringComparer.Ordinal);
        var ordered = new List<DrawCandidate>();
        foreach (var candidate in candidates)
        {
            if (!DrawText.IsPseudonym(candidate.Pseudonym))
            {
                throw new DrawFormatException($"候选人代号“{candidate.Pseudonym}”不是 32 位小写十六进制数。");
            }

            var held = candidate.Specialties.Where(demanded.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (held.Count > 0)
            {
                ordered.Add(new DrawCandidate(candidate.Pseudonym, held));
            }
        }

        ordered.Sort((a, b) => string.CompareOrdinal(a.Pseudonym, b.Pseudonym));
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Pseudonym == ordered[i - 1].Pseudonym)
            {
                throw new DrawFormatException($"候选人代号“{ordered[i].Pseudonym}”重复。");
            }
        }

        return new CandidateSnapshot(drawId, round, orderedDemands, ordered, Write(drawId, round, orderedDemands, ordered));
    }

    /// <summary>Reads a snapshot text and accepts it only if it is exactly the canonical form of what it says.</summary>
    public static CandidateSnapshot Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text[^1] != '\n')
        {
            throw new DrawFormatException("候选人快照不是规范格式：每一行（含最后一行）都以换行符 LF 结束。");
        }

        var lines = text[..^1].Split('\n');
        if (lines.Length < 4 || lines[0] != Header)
        {
            throw new DrawFormatException($"候选人快照不是规范格式：第一行应为 {Header}。");
        }

        var drawLine = lines[1].Split(' ');
        var roundLine = lines[2].Split(' ');
        if (drawLine is not ["draw", var draw] || !Guid.TryParseExact(draw, "D", out var drawId)
            || roundLine is not ["round", var roundText] || !DrawText.TryNumber(roundText, 1_000_000, out var round))
        {
            throw new DrawFormatException("候选人快照不是规范格式：第二、三行应为 draw <抽取编号> 和 round <轮次>。");
        }

        var demands = new List<DrawDemand>();
        var candidates = new List<DrawCandidate>();
        for (var i = 3; i < lines.Length; i++)
        {
            var parts = lines[i].Split(' ');
            if (parts is ["demand", var specialty, var count] && candidates.Count == 0 && DrawText.TryNumber(count, 1_000_000, out var n))
            {
                demands.Add(new DrawDemand(specialty, n));
            }
            else if (parts is ["candidate", var pseudonym, var specialties])
            {
                candidates.Add(new DrawCandidate(pseudonym, specialties.Split(',')));
            }
            else
            {
                throw new DrawFormatException($"候选人快照第 {i + 1} 行不是规范格式：“{Shorten(lines[i])}”。");
            }
        }

        var snapshot = Create(drawId, round, demands, candidates);
        return snapshot.Text == text
            ? snapshot
            : throw new DrawFormatException("候选人快照不是规范格式：排序、重复或专业代码与规范形式不一致（规范形式见 docs/expert-draw.md）。");
    }

    private static string Write(Guid drawId, int round, List<DrawDemand> demands, List<DrawCandidate> candidates)
    {
        var text = new StringBuilder(64 + (candidates.Count * 48));
        text.Append(Header).Append('\n');
        text.Append("draw ").Append(drawId.ToString("D")).Append('\n');
        text.Append("round ").Append(DrawText.Number(round)).Append('\n');
        foreach (var demand in demands)
        {
            text.Append("demand ").Append(demand.Specialty).Append(' ').Append(DrawText.Number(demand.Count)).Append('\n');
        }

        foreach (var candidate in candidates)
        {
            text.Append("candidate ").Append(candidate.Pseudonym).Append(' ').AppendJoin(',', candidate.Specialties).Append('\n');
        }

        return text.ToString();
    }

    private static string Shorten(string line) => line.Length > 80 ? line[..80] + "…" : line;
}
