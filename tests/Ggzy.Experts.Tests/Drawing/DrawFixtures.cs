using System.Globalization;
using Ggzy.Experts.Contracts.Drawing;

namespace Ggzy.Experts.Tests.Drawing;

/// <summary>Snapshots, seeds and records built for the pure tests of the draw.</summary>
internal static class DrawFixtures
{
    public static readonly Guid DrawId = Guid.Parse("0199aa00-0000-7000-8000-000000000001");

    public static string Pseudonym(int i) => i.ToString("x32", CultureInfo.InvariantCulture);

    public static byte[] FilledSeed(byte fill) => Enumerable.Repeat(fill, DrawRandom.SeedBytes).ToArray();

    public static byte[] Seed(int counter)
    {
        var seed = new byte[DrawRandom.SeedBytes];
        BitConverter.TryWriteBytes(seed, counter).ShouldBeTrue();
        return seed;
    }

    /// <summary>Candidates 1…a hold A01 only, the next b hold B02 only, the next c hold both.</summary>
    public static List<DrawCandidate> Candidates(int a, int b, int c) =>
    [
        .. Enumerable.Range(1, a).Select(i => new DrawCandidate(Pseudonym(i), ["A01"])),
        .. Enumerable.Range(a + 1, b).Select(i => new DrawCandidate(Pseudonym(i), ["B02"])),
        .. Enumerable.Range(a + b + 1, c).Select(i => new DrawCandidate(Pseudonym(i), ["A01", "B02"])),
    ];

    public static CandidateSnapshot Snapshot(int round = 1, int a = 10, int b = 10, int c = 5, int demandA = 3, int demandB = 2) =>
        CandidateSnapshot.Create(DrawId, round, [new DrawDemand("A01", demandA), new DrawDemand("B02", demandB)], Candidates(a, b, c));

    public static DrawRecordRound Round(int number, CandidateSnapshot snapshot, byte[] seed, bool reveal = true, Func<int, string>? outcome = null)
    {
        var seats = VerifiableDraw.Select(seed, snapshot);
        return new DrawRecordRound(number, number == 1 ? "initial" : "replacement", DateTimeOffset.UnixEpoch, DrawSelection.SeedCommitment(seed),
            reveal ? Convert.ToHexStringLower(seed) : null, snapshot.Text, snapshot.DigestHex,
            [.. seats.Select(s => new DrawRecordSeat(s.Position, s.Specialty, s.Pseudonym, outcome?.Invoke(s.Position) ?? SeatOutcomes.Confirmed))],
            DrawSelection.DigestHex(seats), number, new string('0', 64), []);
    }

    public static DrawRecord Record(params DrawRecordRound[] rounds) => new(
        DrawRecord.FormatV1, DrawId, "E9901002026000001001", "一标段", "completed", DateTimeOffset.UnixEpoch,
        [new DrawDemand("A01", 3), new DrawDemand("B02", 2)], rounds, DateTimeOffset.UnixEpoch);
}
