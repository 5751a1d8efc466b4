using System.Buffers;
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
    private readonly byte[][]? _heldBytes;
    private readonly byte[]? _head;
    private byte[]? _utf8;
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

    // Built from entries (Build): the bytes went through SM3 as they were written; the text, its bytes and the candidates'
    // pseudonyms are made only when asked for.
    private CandidateSnapshot(Guid drawId, int round, IReadOnlyList<DrawDemand> demands, SnapshotEntry[] entries, int count,
        IReadOnlyList<string>[] held, byte[][] heldBytes, byte[] head, byte[] digest)
    {
        DrawId = drawId;
        Round = round;
        Demands = demands;
        _entries = entries;
        _heldBytes = heldBytes;
        _head = head;
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
    public string Text => _text ??= Encoding.UTF8.GetString(Utf8.Span);

    /// <summary>The canonical text's UTF-8 bytes: what <see cref="Digest"/> is computed over (written when first asked for, if built from entries).</summary>
    public ReadOnlyMemory<byte> Utf8 => _utf8 ??= _text is { } text ? Encoding.UTF8.GetBytes(text) : WriteBuilt();

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

        var headBytes = HeadBytes(drawId, round, orderedDemands);
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

        _ = checked((int)length);

        // The text's bytes go through SM3 a piece at a time: the round never holds the whole text (half a megabyte for ten
        // thousand candidates) in memory, nor a string of it.
        using var sm3 = SmCrypto.Default.CreateSm3();
        sm3.Append(headBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(WriteChunk);
        try
        {
            for (var from = 0; from < span.Length;)
            {
                var written = WriteCandidates(span, heldBytes, ref from, buffer);
                sm3.Append(buffer.AsSpan(0, written));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new CandidateSnapshot(drawId, round, orderedDemands, entries, count, held, heldBytes, headBytes, sm3.Finish());
    }

    // The bytes written per SM3 update while building: well under the large object heap's threshold.
    private const int WriteChunk = 16 * 1024;

    // The longest candidate line: "candidate ", 32 hex digits, a space, at most 16 specialties of 32 characters and commas, LF.
    private const int MaxCandidateLine = 10 + 32 + 1 + (MaxBuiltDemands * 33) + 1;

    // Writes candidate lines from span[from] on into destination while another line surely fits; advances from.
    private static int WriteCandidates(ReadOnlySpan<SnapshotEntry> span, byte[][] heldBytes, ref int from, Span<byte> destination)
    {
        var at = 0;
        for (; from < span.Length && destination.Length - at >= MaxCandidateLine; from++)
        {
            CandidatePrefix.CopyTo(destination[at..]);
            at += CandidatePrefix.Length;
            WriteHex(span[from].Pseudonym, destination.Slice(at, DrawText.PseudonymLength));
            at += DrawText.PseudonymLength;
            destination[at++] = (byte)' ';
            var specialties = heldBytes[span[from].Demands];
            specialties.CopyTo(destination[at..]);
            at += specialties.Length;
            destination[at++] = (byte)'\n';
        }

        return at;
    }

    private static void WriteHex(UInt128 pseudonym, Span<byte> destination)
    {
        Span<byte> raw = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(raw, pseudonym);
        for (var b = 0; b < 16; b++)
        {
            destination[2 * b] = HexDigits[raw[b] >> 4];
            destination[(2 * b) + 1] = HexDigits[raw[b] & 0xF];
        }
    }

    // The whole text's bytes of a built snapshot, for a reader who asks for them (the round itself does not).
    private byte[] WriteBuilt()
    {
        var span = _entries.AsSpan(0, Candidates.Count);
        long length = _head!.Length;
        foreach (var entry in span)
        {
            length += CandidatePrefix.Length + DrawText.PseudonymLength + 1 + _heldBytes![entry.Demands].Length + 1;
        }

        var utf8 = new byte[checked((int)length)];
        _head.CopyTo(utf8, 0);
        var at = _head.Length;
        for (var from = 0; from < span.Length;)
        {
            var piece = utf8.AsSpan(at);
            if (piece.Length < MaxCandidateLine)
            {
                // The last lines: through a buffer, as the remaining space may be shorter than the longest line.
                var buffer = new byte[MaxCandidateLine * 2];
                var written = WriteCandidates(span, _heldBytes!, ref from, buffer);
                buffer.AsSpan(0, written).CopyTo(piece);
                at += written;
            }
            else
            {
                at += WriteCandidates(span, _heldBytes!, ref from, piece);
            }
        }

        return utf8;
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


    /// <summary>The first byte of <see cref="Pack"/>'s form.</summary>
    public const byte PackedV1 = 1;

    /// <summary>
    /// The snapshot as stored (docs/expert-draw.md §3, "Stored form"): byte 1 (the form's version), the length of the
    /// text's first lines (header, draw, round, demands) as 4 bytes big-endian, those lines' UTF-8 bytes, then per
    /// candidate in snapshot order its pseudonym's 16 bytes and the demands it holds as a bit mask (bit d for the d-th
    /// demand line) in one byte, or two big-endian when there are more than 8 demands. About a third of the text's size.
    /// <see cref="Unpack"/> gives back exactly <see cref="Text"/>.
    /// </summary>
    public byte[] Pack()
    {
        var demands = Demands.Count;
        if (demands > MaxBuiltDemands)
        {
            throw new InvalidOperationException($"A snapshot of more than {MaxBuiltDemands} demands has no packed form.");
        }

        var head = _head ?? HeadBytes(DrawId, Round, Demands);
        var width = MaskWidth(demands);
        var packed = new byte[1 + 4 + head.Length + (Candidates.Count * (16 + width))];
        packed[0] = PackedV1;
        BinaryPrimitives.WriteInt32BigEndian(packed.AsSpan(1), head.Length);
        head.CopyTo(packed, 5);
        var at = 5 + head.Length;
        for (var i = 0; i < Candidates.Count; i++)
        {
            UInt128 pseudonym;
            int mask;
            if (_entries is { } entries)
            {
                (pseudonym, mask) = (entries[i].Pseudonym, entries[i].Demands);
            }
            else
            {
                var candidate = Candidates[i];
                pseudonym = BinaryPrimitives.ReadUInt128BigEndian(Convert.FromHexString(candidate.Pseudonym));
                mask = 0;
                for (var d = 0; d < demands; d++)
                {
                    if (candidate.Specialties.Contains(Demands[d].Specialty, StringComparer.Ordinal))
                    {
                        mask |= 1 << d;
                    }
                }
            }

            BinaryPrimitives.WriteUInt128BigEndian(packed.AsSpan(at), pseudonym);
            at += 16;
            if (width == 1)
            {
                packed[at] = (byte)mask;
            }
            else
            {
                BinaryPrimitives.WriteUInt16BigEndian(packed.AsSpan(at), (ushort)mask);
            }

            at += width;
        }

        return packed;
    }

    /// <summary>
    /// The text of a snapshot stored by <see cref="Pack"/>. Whether that text is canonical, and its digest, is for the
    /// reader to check (<see cref="Parse"/>, <see cref="DrawVerifier"/>); bytes that are not a packed snapshot at all give
    /// <see cref="DrawFormatException"/>.
    /// </summary>
    public static string Unpack(ReadOnlySpan<byte> packed)
    {
        if (packed.Length < 5 || packed[0] != PackedV1)
        {
            throw new DrawFormatException("保存的候选人快照无法读取：不是已知的压缩格式。");
        }

        var headLength = BinaryPrimitives.ReadInt32BigEndian(packed[1..]);
        if (headLength < 0 || headLength > packed.Length - 5)
        {
            throw new DrawFormatException("保存的候选人快照无法读取：长度不符。");
        }

        var head = Encoding.UTF8.GetString(packed.Slice(5, headLength));
        var demands = head.Split('\n').Where(line => line.StartsWith("demand ", StringComparison.Ordinal))
            .Select(line => line.Split(' ')[1]).ToList();
        var width = MaskWidth(demands.Count);
        var body = packed[(5 + headLength)..];
        if (demands.Count == 0 || demands.Count > MaxBuiltDemands || body.Length % (16 + width) != 0)
        {
            throw new DrawFormatException("保存的候选人快照无法读取：需求或候选人记录的长度不符。");
        }

        var text = new StringBuilder(head, head.Length + (body.Length / (16 + width) * 56));
        for (var at = 0; at < body.Length; at += 16 + width)
        {
            var mask = width == 1 ? body[at + 16] : BinaryPrimitives.ReadUInt16BigEndian(body[(at + 16)..]);
            if (mask == 0 || mask >= 1 << demands.Count)
            {
                throw new DrawFormatException("保存的候选人快照无法读取：候选人的专业标记超出需求。");
            }

            text.Append("candidate ").Append(Convert.ToHexStringLower(body.Slice(at, 16))).Append(' ');
            var first = true;
            for (var d = 0; d < demands.Count; d++)
            {
                if ((mask & (1 << d)) != 0)
                {
                    text.Append(first ? "" : ",").Append(demands[d]);
                    first = false;
                }
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static int MaskWidth(int demands) => demands <= 8 ? 1 : 2;

    private static byte[] HeadBytes(Guid drawId, int round, IEnumerable<DrawDemand> demands)
    {
        var head = new StringBuilder();
        head.Append(Header).Append('\n');
        head.Append("draw ").Append(drawId.ToString("D")).Append('\n');
        head.Append("round ").Append(DrawText.Number(round)).Append('\n');
        foreach (var demand in demands)
        {
            head.Append("demand ").Append(demand.Specialty).Append(' ').Append(DrawText.Number(demand.Count)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(head.ToString());
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
