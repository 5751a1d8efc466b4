using System.Security.Cryptography;

namespace Ggzy.Trading.Domain.Announcements;

/// <summary>
/// The random draw of a procurement invited tender's invitees (采购法 第三十四条; 87号令 第十四条): at least the statutory
/// number is drawn, from qualified candidates at least twice that number, before at least two witnesses; every subset
/// of the size is equally likely (partial Fisher–Yates over a cryptographic generator).
/// </summary>
internal static class InviteeDrawing
{
    public const int MaxCount = 50;

    /// <summary>What is wrong with a draw's terms, by field; empty when it may be drawn.</summary>
    public static Dictionary<string, string[]> Check(int candidates, int count, int minimum, int witnesses)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (count < minimum || count > MaxCount)
        {
            errors["Count"] = [$"拟抽取的供应商数量应不少于 {minimum} 家（且不超过 {MaxCount} 家）（依据：{AnnouncementErrors.Invitation}）。"];
        }
        else if (candidates < 2 * count)
        {
            errors["Candidates"] = [AnnouncementErrors.DrawCandidatesTooFew(candidates, count)];
        }

        if (witnesses < 2)
        {
            errors["Witnesses"] = [AnnouncementErrors.DrawWitnesses];
        }

        return errors;
    }

    public static T[] Draw<T>(IReadOnlyList<T> candidates, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, candidates.Count);
        var pool = candidates.ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = RandomNumberGenerator.GetInt32(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return pool[..count];
    }
}
