using Ggzy.Experts.Contracts.Drawing;

namespace Ggzy.Experts.Tests.Drawing;

public sealed class CandidateSnapshotTests
{
    [Fact]
    public void Create_InAnyOrder_GivesTheSameCanonicalText()
    {
        var candidates = DrawFixtures.Candidates(3, 2, 1);
        var a = CandidateSnapshot.Create(DrawFixtures.DrawId, 1, [new("B02", 1), new("A01", 2)], candidates);
        var b = CandidateSnapshot.Create(DrawFixtures.DrawId, 1, [new("A01", 2), new("B02", 1)],
            candidates.AsEnumerable().Reverse().Select(c => c with { Specialties = [.. c.Specialties.Reverse()] }));

        b.Text.ShouldBe(a.Text);
        b.DigestHex.ShouldBe(a.DigestHex);
        a.Text.ShouldStartWith($"{CandidateSnapshot.Header}\ndraw {DrawFixtures.DrawId:D}\nround 1\ndemand A01 2\ndemand B02 1\ncandidate ");
        a.Text.ShouldEndWith($"candidate {DrawFixtures.Pseudonym(6)} A01,B02\n");
    }

    [Fact]
    public void Build_FromEntries_GivesTheBytesDigestAndDrawOfCreate()
    {
        var random = new Random(17);
        DrawDemand[] demands = [new("A01", 2), new("B02", 1), new("C03", 2)];
        // Enough candidates (about 100 KB of text) that the text is hashed in several pieces.
        var entries = new SnapshotEntry[2_000];
        var candidates = new List<DrawCandidate>();
        for (var i = 0; i < entries.Length; i++)
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            var held = random.Next(1, 8);
            entries[i] = new SnapshotEntry(System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes), held, i);
            candidates.Add(new DrawCandidate(Convert.ToHexStringLower(bytes), [.. demands.Where((_, d) => (held & (1 << d)) != 0).Select(d => d.Specialty).Reverse()]));
        }

        var built = CandidateSnapshot.Build(DrawFixtures.DrawId, 2, demands, entries, entries.Length);
        var created = CandidateSnapshot.Create(DrawFixtures.DrawId, 2, demands, candidates);

        built.Utf8.ToArray().ShouldBe(System.Text.Encoding.UTF8.GetBytes(created.Text));
        built.Text.ShouldBe(created.Text);
        built.DigestHex.ShouldBe(created.DigestHex);
        built.Candidates.ShouldBe(created.Candidates, ignoreOrder: false, comparer: new CandidateEquality());
        candidates[built.SourceOf(0)].Pseudonym.ShouldBe(created.Candidates[0].Pseudonym);
        VerifiableDraw.Select(DrawFixtures.Seed(3), built).ShouldBe(VerifiableDraw.Select(DrawFixtures.Seed(3), created));
        built.Pack().ShouldBe(created.Pack());
        CandidateSnapshot.Unpack(built.Pack()).ShouldBe(created.Text);
        built.Pack().Length.ShouldBeLessThan(created.Text.Length / 2);
    }

    [Fact]
    public void Unpack_OfThePackedForm_GivesTheTextBackWithAnyNumberOfDemands()
    {
        var one = DrawFixtures.Snapshot();
        CandidateSnapshot.Unpack(one.Pack()).ShouldBe(one.Text);

        // More than 8 demands: the mask takes two bytes.
        var demands = Enumerable.Range(0, 10).Select(d => new DrawDemand($"S{d:D2}", 1)).ToList();
        var candidates = Enumerable.Range(0, 40).Select(i => new DrawCandidate(DrawFixtures.Pseudonym(i),
            [.. demands.Where((_, d) => (i + d) % 3 == 0 || d == 9).Select(d => d.Specialty)]));
        var many = CandidateSnapshot.Create(DrawFixtures.DrawId, 3, demands, candidates);
        CandidateSnapshot.Unpack(many.Pack()).ShouldBe(many.Text);
    }

    [Fact]
    public void Unpack_OfBytesThatAreNoPackedSnapshot_Refuses()
    {
        var packed = DrawFixtures.Snapshot().Pack();

        Should.Throw<DrawFormatException>(() => CandidateSnapshot.Unpack(packed.AsSpan(0, packed.Length - 1)));
        Should.Throw<DrawFormatException>(() => CandidateSnapshot.Unpack([.. packed.Select((b, i) => i == 0 ? (byte)9 : b)]));
        Should.Throw<DrawFormatException>(() => CandidateSnapshot.Unpack([.. packed.Select((b, i) => i == packed.Length - 1 ? (byte)0 : b)]));
    }

    private sealed class CandidateEquality : IEqualityComparer<DrawCandidate>
    {
        public bool Equals(DrawCandidate? x, DrawCandidate? y) =>
            x is not null && y is not null && x.Pseudonym == y.Pseudonym && x.Specialties.SequenceEqual(y.Specialties);

        public int GetHashCode(DrawCandidate obj) => obj.Pseudonym.GetHashCode(StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DropsSpecialtiesNotDemanded_AndCandidatesLeftWithNone()
    {
        var snapshot = CandidateSnapshot.Create(DrawFixtures.DrawId, 1, [new("A01", 1)],
            [new(DrawFixtures.Pseudonym(1), ["A01", "C09"]), new(DrawFixtures.Pseudonym(2), ["C09"])]);

        snapshot.Candidates.ShouldHaveSingleItem().Specialties.ShouldBe(["A01"]);
    }

    [Fact]
    public void Create_WithADuplicatePseudonym_IsRefused() =>
        Should.Throw<DrawFormatException>(() => CandidateSnapshot.Create(DrawFixtures.DrawId, 1, [new("A01", 1)],
            [new(DrawFixtures.Pseudonym(1), ["A01"]), new(DrawFixtures.Pseudonym(1), ["A01"])]));

    [Theory]
    [InlineData("ABCDEF00000000000000000000000000")]
    [InlineData("123")]
    public void Create_WithAPseudonymNotLowercaseHex32_IsRefused(string pseudonym) =>
        Should.Throw<DrawFormatException>(() => CandidateSnapshot.Create(DrawFixtures.DrawId, 1, [new("A01", 1)], [new(pseudonym, ["A01"])]));

    [Fact]
    public void Parse_OfTheCanonicalText_GivesItBack()
    {
        var snapshot = DrawFixtures.Snapshot();

        var parsed = CandidateSnapshot.Parse(snapshot.Text);

        parsed.Text.ShouldBe(snapshot.Text);
        parsed.DrawId.ShouldBe(DrawFixtures.DrawId);
        parsed.Candidates.Count.ShouldBe(25);
        parsed.Demands.ShouldBe([new DrawDemand("A01", 3), new DrawDemand("B02", 2)]);
    }

    [Theory]
    [InlineData("swap")]
    [InlineData("crlf")]
    [InlineData("no-final-lf")]
    [InlineData("upper-draw")]
    [InlineData("leading-zero")]
    [InlineData("specialty-order")]
    [InlineData("demand-after-candidate")]
    public void Parse_OfANonCanonicalText_IsRefused(string change)
    {
        var text = DrawFixtures.Snapshot().Text;
        var lines = text.TrimEnd('\n').Split('\n').ToList();
        var altered = change switch
        {
            "swap" => string.Join('\n', lines.Take(5).Append(lines[6]).Append(lines[5]).Concat(lines.Skip(7))) + "\n",
            "crlf" => text.Replace("\n", "\r\n", StringComparison.Ordinal),
            "no-final-lf" => text.TrimEnd('\n'),
            "upper-draw" => text.Replace(DrawFixtures.DrawId.ToString("D"), DrawFixtures.DrawId.ToString("D").ToUpperInvariant(), StringComparison.Ordinal),
            "leading-zero" => text.Replace("round 1\n", "round 01\n", StringComparison.Ordinal),
            "specialty-order" => text.Replace(" A01,B02\n", " B02,A01\n", StringComparison.Ordinal),
            "demand-after-candidate" => text + "demand C01 1\n",
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        altered.ShouldNotBe(text);
        Should.Throw<DrawFormatException>(() => CandidateSnapshot.Parse(altered));
    }

    [Fact]
    public void Digest_OfASnapshotWithOneCandidateMore_Differs()
    {
        var snapshot = DrawFixtures.Snapshot();
        var more = CandidateSnapshot.Create(DrawFixtures.DrawId, 1, snapshot.Demands,
            snapshot.Candidates.Append(new DrawCandidate(DrawFixtures.Pseudonym(999), ["A01"])));

        more.DigestHex.ShouldNotBe(snapshot.DigestHex);
    }
}
