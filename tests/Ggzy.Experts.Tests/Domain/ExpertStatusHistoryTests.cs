using Ggzy.Experts.Contracts;

namespace Ggzy.Experts.Tests.Domain;

/// <summary>The status on a China day from the append-only history: periods inclusive, liftings, severity.</summary>
public sealed class ExpertStatusHistoryTests
{
    private static readonly DateTimeOffset Recorded = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static PoolStatusChange Entry(ExpertStatus status, string from, string? until = null, Guid? lifts = null, int minutes = 0) =>
        new(Guid.NewGuid(), status, lifts, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            until is null ? null : DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture),
            "理由", "依据", "regulator", "Regulator", Recorded.AddMinutes(minutes));

    /// <summary>An instant in China time.</summary>
    private static DateTimeOffset China(int month, int day, int hour = 12, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public void StatusAt_WithoutHistory_IsActive() =>
        ExpertStatusHistory.StatusAt([], China(12, 1)).ShouldBe(ExpertStatus.Active);

    [Fact]
    public void Suspension_CoversFromAndUntilInclusive_InChinaDays()
    {
        var suspension = Entry(ExpertStatus.Suspended, "2026-12-01", "2026-12-31");

        ExpertStatusHistory.StatusAt([suspension], China(11, 30, 23, 59)).ShouldBe(ExpertStatus.Active);
        ExpertStatusHistory.StatusAt([suspension], China(12, 1, 0, 0)).ShouldBe(ExpertStatus.Suspended);
        ExpertStatusHistory.StatusAt([suspension], China(12, 31, 23, 59)).ShouldBe(ExpertStatus.Suspended);

        // 2027-01-01 00:00 China time is 2026-12-31 16:00 UTC: the suspension is over although the UTC date is still the 31st.
        ExpertStatusHistory.StatusAt([suspension], new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero)).ShouldBe(ExpertStatus.Active);
    }

    [Fact]
    public void Lifting_EndsTheEntryItNames_FromItsOwnDay()
    {
        var suspension = Entry(ExpertStatus.Suspended, "2026-12-01", "2026-12-31");
        var lifting = Entry(ExpertStatus.Active, "2026-12-10", lifts: suspension.Id, minutes: 5);

        ExpertStatusHistory.StatusAt([suspension, lifting], China(12, 9)).ShouldBe(ExpertStatus.Suspended);
        ExpertStatusHistory.StatusAt([suspension, lifting], China(12, 10)).ShouldBe(ExpertStatus.Active);
    }

    [Fact]
    public void Blacklisting_PrevailsOverASuspension_WhicheverWasRecordedLast_AndLiftingTheSuspensionLeavesIt()
    {
        var blacklisting = Entry(ExpertStatus.Blacklisted, "2026-12-05");
        var suspension = Entry(ExpertStatus.Suspended, "2026-12-01", "2026-12-31", minutes: 10);
        var lifting = Entry(ExpertStatus.Active, "2026-12-02", lifts: suspension.Id, minutes: 20);

        ExpertStatusHistory.StatusAt([blacklisting, suspension], China(12, 3)).ShouldBe(ExpertStatus.Suspended);
        ExpertStatusHistory.StatusAt([blacklisting, suspension], China(12, 6)).ShouldBe(ExpertStatus.Blacklisted);
        ExpertStatusHistory.StatusAt([blacklisting, suspension, lifting], China(12, 3)).ShouldBe(ExpertStatus.Active);
        ExpertStatusHistory.StatusAt([blacklisting, suspension, lifting], China(12, 20)).ShouldBe(ExpertStatus.Blacklisted);
    }

    [Fact]
    public void Blacklisting_WithoutEnd_LastsUntilLifted()
    {
        var blacklisting = Entry(ExpertStatus.Blacklisted, "2026-01-01");

        ExpertStatusHistory.StatusAt([blacklisting], new DateTimeOffset(2036, 1, 1, 0, 0, 0, TimeSpan.Zero)).ShouldBe(ExpertStatus.Blacklisted);
    }
}
