namespace Ggzy.Experts.Contracts.Drawing;

/// <summary>
/// The draw of one round as a pure function of the seed and the candidate snapshot (docs/expert-draw.md §4): for each
/// demand in the snapshot's order, the candidates holding that specialty and not drawn yet in this round, in snapshot
/// order, are shuffled by a partial Fisher–Yates driven by <see cref="DrawRandom"/> — for i = 0 … k−1, j = i + Below(n − i),
/// swap i and j, seat i is drawn. A candidate is drawn at most once.
/// </summary>
public sealed class VerifiableDraw
{
    private readonly CandidateSnapshot _snapshot;
    private readonly int[][] _holders;

    private VerifiableDraw(CandidateSnapshot snapshot)
    {
        _snapshot = snapshot;
        _holders = [.. Enumerable.Range(0, snapshot.Demands.Count).Select(snapshot.HoldersOf)];
    }

    public CandidateSnapshot Snapshot => _snapshot;

    /// <summary>Prepares the snapshot once for any number of draws (verification draws once; the statistical test many times).</summary>
    public static VerifiableDraw For(CandidateSnapshot snapshot) => new(snapshot);

    /// <summary>The round's selection; <see cref="DrawShortException"/> when a specialty has fewer candidates left than demanded.</summary>
    public static IReadOnlyList<DrawnSeat> Select(ReadOnlySpan<byte> seed, CandidateSnapshot snapshot) => For(snapshot).Select(seed);

    public IReadOnlyList<DrawnSeat> Select(ReadOnlySpan<byte> seed) => Seats(SelectIndices(seed));

    /// <summary>The seats of a selection made by <see cref="SelectIndices"/>.</summary>
    public IReadOnlyList<DrawnSeat> Seats(int[] indices)
    {
        var seats = new List<DrawnSeat>(indices.Length);
        var position = 0;
        for (var d = 0; d < _snapshot.Demands.Count; d++)
        {
            for (var k = 0; k < _snapshot.Demands[d].Count; k++)
            {
                seats.Add(new DrawnSeat(_snapshot.Demands[d].Specialty, position + 1, _snapshot.Candidates[indices[position]].Pseudonym));
                position++;
            }
        }

        return seats;
    }

    /// <summary>The drawn candidates as indices into <see cref="CandidateSnapshot.Candidates"/>, in seat order.</summary>
    public int[] SelectIndices(ReadOnlySpan<byte> seed)
    {
        using var random = new DrawRandom(seed, _snapshot.Digest);
        var drawn = new bool[_snapshot.Candidates.Count];
        var seats = new int[_snapshot.Demands.Sum(d => d.Count)];
        var position = 0;
        for (var d = 0; d < _snapshot.Demands.Count; d++)
        {
            var demand = _snapshot.Demands[d];
            var pool = new List<int>(_holders[d].Length);
            foreach (var i in _holders[d])
            {
                if (!drawn[i])
                {
                    pool.Add(i);
                }
            }

            if (pool.Count < demand.Count)
            {
                throw new DrawShortException(demand.Specialty, demand.Count, pool.Count);
            }

            for (var i = 0; i < demand.Count; i++)
            {
                var j = i + random.Below(pool.Count - i);
                (pool[i], pool[j]) = (pool[j], pool[i]);
                drawn[pool[i]] = true;
                seats[position++] = pool[i];
            }
        }

        return seats;
    }
}

/// <summary>A specialty has fewer candidates left in the round than its demand.</summary>
public sealed class DrawShortException(string specialty, int demanded, int available)
    : Exception($"专业 {specialty} 需抽取 {demanded} 人，可抽取的候选人只有 {available} 人。")
{
    public string Specialty { get; } = specialty;

    public int Demanded { get; } = demanded;

    public int Available { get; } = available;
}
