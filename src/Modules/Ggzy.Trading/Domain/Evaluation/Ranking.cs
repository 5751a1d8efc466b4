using System.Security.Cryptography;

namespace Ggzy.Trading.Domain.Evaluation;

/// <summary>A recorded random draw among tied bids (抽签): the order drawn, how, when and by whom.</summary>
internal sealed record LotDraw(IReadOnlyList<Guid> Order, string Method, DateTimeOffset At, string By);

/// <summary>Draws lots among tied bids. The platform's is <see cref="RandomLotDrawer"/>; tests pass a fixed order.</summary>
internal interface ILotDrawer
{
    LotDraw Draw(IReadOnlyList<Guid> tied);
}

/// <summary>Draws with the operating system's cryptographic random numbers, at the platform clock's time.</summary>
internal sealed class RandomLotDrawer(TimeProvider clock, string by) : ILotDrawer
{
    public LotDraw Draw(IReadOnlyList<Guid> tied)
    {
        var order = tied.ToArray();
        RandomNumberGenerator.Shuffle(order.AsSpan());
        return new LotDraw(order, "平台随机抽取（操作系统密码学安全随机数）", clock.GetUtcNow(), by);
    }
}

/// <summary>
/// How one group of bids with the same result was separated: the bids, the tie-breaks that decided (in order), the draws
/// if lots were drawn, and whether some of them are still tied (并列).
/// </summary>
internal sealed record TieResolution(IReadOnlyList<Guid> Bids, IReadOnlyList<TieBreak> Applied, IReadOnlyList<LotDraw> Draws, bool Unresolved);

/// <summary>A ranked entry: its rank (tied entries share one, 1, 1, 3) and whether it is tied with another.</summary>
internal sealed record Ranked<T>(T Entry, int Rank, bool Tied);

/// <summary>
/// Orders entries by their result and separates equal results by the documents' tie-breaks in order; a draw (if listed)
/// is last. What no tie-break separates stays 并列 with a shared rank (87号令 第五十六条、第五十七条).
/// </summary>
internal static class Ranking
{
    /// <summary>A tie-break as a key: a lower (or, <c>Descending</c>, higher) key ranks first; null key means draw lots.</summary>
    public sealed record Key<T>(TieBreak Break, Func<T, decimal>? Value, bool Descending);

    public static (IReadOnlyList<Ranked<T>> Ranked, IReadOnlyList<TieResolution> Ties) Rank<T>(
        IEnumerable<T> entries,
        Func<T, Guid> id,
        Func<T, decimal> result,
        bool descending,
        IReadOnlyList<Key<T>> breaks,
        ILotDrawer? drawer)
    {
        var ties = new List<TieResolution>();
        var tiers = new List<List<T>>();
        foreach (var group in Groups(entries, result, descending))
        {
            if (group.Count == 1)
            {
                tiers.Add(group);
                continue;
            }

            var applied = new List<TieBreak>();
            var draws = new List<LotDraw>();
            var resolved = Separate(group, 0, breaks, drawer, id, applied, draws);
            tiers.AddRange(resolved);
            ties.Add(new TieResolution([.. group.Select(id)], applied, draws, resolved.Any(t => t.Count > 1)));
        }

        var ranked = new List<Ranked<T>>();
        foreach (var tier in tiers)
        {
            var rank = ranked.Count + 1;
            ranked.AddRange(tier.Select(e => new Ranked<T>(e, rank, tier.Count > 1)));
        }

        return (ranked, ties);
    }

    private static List<List<T>> Separate<T>(
        List<T> tied, int index, IReadOnlyList<Key<T>> breaks, ILotDrawer? drawer, Func<T, Guid> id, List<TieBreak> applied, List<LotDraw> draws)
    {
        if (tied.Count == 1 || index >= breaks.Count)
        {
            return [tied];
        }

        var key = breaks[index];
        if (key.Value is null)
        {
            if (drawer is null)
            {
                return [tied];
            }

            var lot = drawer.Draw([.. tied.Select(id)]);
            if (!lot.Order.Order().SequenceEqual(tied.Select(id).Order()))
            {
                throw new InvalidOperationException("The draw must order exactly the tied bids.");
            }

            draws.Add(lot);
            Note(applied, key.Break);
            return [.. lot.Order.Select(g => new List<T> { tied.First(e => id(e) == g) })];
        }

        var groups = Groups(tied, key.Value, key.Descending);
        if (groups.Count > 1)
        {
            Note(applied, key.Break);
        }

        var result = new List<List<T>>();
        foreach (var group in groups)
        {
            result.AddRange(Separate(group, index + 1, breaks, drawer, id, applied, draws));
        }

        return result;
    }

    private static List<List<T>> Groups<T>(IEnumerable<T> entries, Func<T, decimal> key, bool descending)
    {
        var ordered = descending ? entries.OrderByDescending(key) : entries.OrderBy(key);
        return [.. ordered.GroupBy(key).Select(g => g.ToList())];
    }

    private static void Note(List<TieBreak> applied, TieBreak used)
    {
        if (!applied.Contains(used))
        {
            applied.Add(used);
        }
    }
}
