using System.Buffers.Binary;
using System.Text;
using Ggzy.Sealing.Crypto;

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

    private readonly SnapshotEntry[]? _entries;
    private readonly IReadOnlyList<string>[]? _held;
    private readonly byte[]? _utf8;
    private string? _text;

    private CandidateSnapshot(Guid drawId, int round, IReadOnlyList<DrawDemand> demands, IReadOnlyList<DrawCandidate> candidates, string text)
    {
        DrawId = drawId;
        Round = round;
        Demands = demands;
        Candidates = candidates;
        _text = text;
        using var sm3 = SmCrypto.Default.CreateSm3();
        sm3.Append(Encoding.UTF8.GetBytes(text));
        Digest = sm3.Finish();
    }

    // Built from entries (Build): the bytes are written directly and the candidates' pseudonyms made only when asked for.
    private CandidateSnapshot(Guid drawId, int round, IReadOnlyList<DrawDemand> demands, SnapshotEntry[] entries, int count,
        IReadOnlyList<string>[] held, byte[] utf8, byte[] digest)
    {
        DrawId = drawId;
        Round = round;
        Demands = demands;
        _entries = entries;
        _held = held;
        _utf8 = utf8;
        Candidates = new EntryCandidates(entries, count, held);
        Digest = digest;
    }

    public Guid DrawId { get; }

    public int Round { get; }

    /// <summary>The demands in canonical order: the order in which the round draws them.</summary>
    public IReadOnlyList<DrawDemand> Demands { get; }

    /// <summary>The candidates in canonical order (by pseudonym).</summary>
    public IReadOnlyList<DrawCandidate> Candidates { get; }

    /// <summary>The canonical text (made from <see cref="Utf8"/> when first asked for, if the snapshot was built from entries).</summary>
    public string Text => _text ??= Encoding.UTF8.GetString(_utf8!);

    /// <summary>The canonical text's UTF-8 bytes: what <see cref="Digest"/> is computed over.</summary>
    public ReadOnlyMemory<byte> Utf8 => _utf8 ?? Encoding.UTF8.GetBytes(_text!);

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
        CheckDemands(orderedDemands);

        var demanded = orderedDemands.Select(d => d.Specialty).ToHashSet(StringComparer.Ordinal);
        var ordered = new List<DrawCandidate>();
        foreach (var candidate in candidates)
        {
            if (!DrawText.IsPseudonym(candidate.Pseudonym))
            {
                throw new DrawFormatException($"候选人代号“{candidate.Pseudonym}”不是 32 位小写十六进制数。");
            }

            var held = Held(candidate.Specialties, demanded);
            if (held.Count > 0)
            {
                ordered.Add(ReferenceEquals(held, candidate.Specialties) ? candidate : new DrawCandidate(candidate.Pseudonym, held));
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

    /// <summary>
    /// The canonical snapshot written directly from entries — what a round makes for thousands of candidates, without a
    /// string per candidate. <paramref name="demands"/> must be in canonical order (by specialty, ordinal), and each entry's
    /// <see cref="SnapshotEntry.Demands"/> has bit d set for each demand d (in that order) the candidate holds. The first
    /// <paramref name="count"/> entries are sorted in place by pseudonym and kept (not copied) for as long as the snapshot
    /// is used. Gives the same bytes and digest as <see cref="Create"/> of the same candidates.
    /// </summary>
    internal static CandidateSnapshot Build(Guid drawId, int round, IReadOnlyList<DrawDemand> demands, SnapshotEntry[] entries, int count)
    {
        if (round < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(round), round, "Rounds are numbered from 1.");
        }

        var orderedDemands = demands.ToList();
        CheckDemands(orderedDemands);
        if (orderedDemands.Count > MaxBuiltDemands
            || !orderedDemands.Zip(orderedDemands.Skip(1)).All(p => string.CompareOrdinal(p.First.Specialty, p.Second.Specialty) < 0))
        {
            throw new ArgumentException($"Build takes at most {MaxBuiltDemands} demands, in canonical order.", nameof(demands));
        }

        var span = entries.AsSpan(0, count);
        span.Sort(static (a, b) => a.Pseudonym.CompareTo(b.Pseudonym));
        var masks = 1 << orderedDemands.Count;
        var held = new IReadOnlyList<string>[masks];
        var heldBytes = new byte[masks][];
        for (var mask = 1; mask < masks; mask++)
        {
            held[mask] = [.. orderedDemands.Where((_, d) => (mask & (1 << d)) != 0).Select(d => d.Specialty)];
            heldBytes[mask] = Encoding.ASCII.GetBytes(string.Join(',', held[mask]));
        }

        var head = new StringBuilder();
        head.Append(Header).Append('\n');
        head.Append("draw ").Append(drawId.ToString("D")).Append('\n');
        head.Append("round ").Append(DrawText.Number(round)).Append('\n');
        foreach (var demand in orderedDemands)
        {
            head.Append("demand ").Append(demand.Specialty).Append(' ').Append(DrawText.Number(demand.Count)).Append('\n');
        }

        var headBytes = Encoding.UTF8.GetBytes(head.ToString());
        long length = headBytes.Length;
        for (var i = 0; i < span.Length; i++)
        {
            var mask = span[i].Demands;
            if (mask <= 0 || mask >= masks)
            {
                throw new ArgumentException($"Entry {i} holds no demanded specialty or one beyond the demands.", nameof(entries));
            }

            if (i > 0 && span[i].Pseudonym == span[i - 1].Pseudonym)
            {
                throw new DrawFormatException($"候选人代号“{Hex(span[i].Pseudonym)}”重复。");
            }

            length += CandidatePrefix.Length + DrawText.PseudonymLength + 1 + heldBytes[mask].Length + 1;
        }

        var utf8 = new byte[checked((int)length)];
        headBytes.CopyTo(utf8, 0);
        var at = headBytes.Length;
        Span<byte> raw = stackalloc byte[16];
        for (var i = 0; i < span.Length; i++)
        {
            CandidatePrefix.CopyTo(utf8.AsSpan(at));
            at += CandidatePrefix.Length;
            BinaryPrimitives.WriteUInt128BigEndian(raw, span[i].Pseudonym);
            for (var b = 0; b < 16; b++)
            {
                utf8[at++] = HexDigits[raw[b] >> 4];
                utf8[at++] = HexDigits[raw[b] & 0xF];
            }

            utf8[at++] = (byte)' ';
            var specialties = heldBytes[span[i].Demands];
            specialties.CopyTo(utf8, at);
            at += specialties.Length;
            utf8[at++] = (byte)'\n';
        }

        using var sm3 = SmCrypto.Default.CreateSm3();
        sm3.Append(utf8);
        return new CandidateSnapshot(drawId, round, orderedDemands, entries, count, held, utf8, sm3.Finish());
    }

    /// <summary>The most demands <see cref="Build"/> takes (a committee's specialties are a handful).</summary>
    internal const int MaxBuiltDemands = 16;

    private static ReadOnlySpan<byte> CandidatePrefix => "candidate "u8;

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    /// <summary>A pseudonym's 32 lowercase hex digits from its 16 bytes read as a big-endian number.</summary>
    internal static string Hex(UInt128 pseudonym)
    {
        Span<byte> raw = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(raw, pseudonym);
        return Convert.ToHexStringLower(raw);
    }

    /// <summary>
    /// The candidates holding the <paramref name="demand"/>-th demand, as indices into <see cref="Candidates"/>, in
    /// snapshot order.
    /// </summary>
    internal int[] HoldersOf(int demand)
    {
        if (_entries is { } entries)
        {
            var bit = 1 << demand;
            var holders = new List<int>();
            for (var i = 0; i < Candidates.Count; i++)
            {
                if ((entries[i].Demands & bit) != 0)
                {
                    holders.Add(i);
                }
            }

            return [.. holders];
        }

        var specialty = Demands[demand].Specialty;
        return [.. Enumerable.Range(0, Candidates.Count).Where(i => Candidates[i].Specialties.Contains(specialty, StringComparer.Ordinal))];
    }

    /// <summary>The entry's <see cref="SnapshotEntry.Source"/> of the candidate at <paramref name="index"/> (snapshots made by <see cref="Build"/>).</summary>
    internal int SourceOf(int index) => _entries is { } entries && index < Candidates.Count
        ? entries[index].Source
        : throw new InvalidOperationException("Only a snapshot built from entries knows its candidates' sources.");


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

    private static void CheckDemands(List<DrawDemand> orderedDemands)
    {
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
    }

    // The demanded specialties a candidate holds, sorted and without repeats: the list itself when it already is.
    private static IReadOnlyList<string> Held(IReadOnlyList<string> specialties, HashSet<string> demanded)
    {
        var canonical = true;
        for (var i = 0; i < specialties.Count && canonical; i++)
        {
            canonical = demanded.Contains(specialties[i]) && (i == 0 || string.CompareOrdinal(specialties[i - 1], specialties[i]) < 0);
        }

        return canonical
            ? specialties
            : [.. specialties.Where(demanded.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static string Shorten(string line) => line.Length > 80 ? line[..80] + "…" : line;
}

/// <summary>
/// A candidate for <see cref="CandidateSnapshot.Build"/>: the pseudonym's 16 bytes as a big-endian number (so that numeric
/// order is the order of its hex text), the demands held as bits in canonical demand order, and the caller's own index.
/// </summary>
internal readonly record struct SnapshotEntry(UInt128 Pseudonym, int Demands, int Source);

/// <summary>The candidates of a built snapshot, each made (pseudonym text and all) when asked for.</summary>
internal sealed class EntryCandidates(SnapshotEntry[] entries, int count, IReadOnlyList<string>[] held) : IReadOnlyList<DrawCandidate>
{
    public int Count => count;

    public DrawCandidate this[int index] => (uint)index < (uint)count
        ? new DrawCandidate(CandidateSnapshot.Hex(entries[index].Pseudonym), held[entries[index].Demands])
        : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<DrawCandidate> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
