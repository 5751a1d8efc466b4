using Ggzy.Credit.Contracts;
using Ggzy.Credit.Domain;

namespace Ggzy.Credit.Tests.Domain;

/// <summary>The formula with configured numbers: every number of <c>Credit:Grade</c> takes effect.</summary>
public sealed class CreditGradeFormulaTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private static CreditRecord Record(CreditRecordKind kind, DateOnly decided)
    {
        var id = Guid.NewGuid();
        return new CreditRecord
        {
            Id = id,
            ChainId = id,
            SubjectKind = CreditSubjectKind.MarketEntity,
            SubjectKey = "k",
            SubjectCode = "k",
            SubjectName = "n",
            Kind = kind,
            Action = CreditRecordAction.Original,
            DecisionNumber = id.ToString(),
            DecidingBody = "b",
            DecisionDate = decided,
            EffectiveFrom = decided,
            Facts = "f",
            SourceSystem = "s",
            EnteredBy = "system",
            EnteredByOrganization = "",
        };
    }

    [Fact]
    public void Grade_WithConfiguredNumbers_UsesThem()
    {
        var options = new CreditGradeOptions { BaseScore = 80, PenaltyDeduction = 30, RewardBonus = 8, MaxBonus = 12, GradeA = 95, GradeB = 70, GradeC = 50, LookBackMonths = 12 };
        var history = new CreditHistory(
        [
            Record(CreditRecordKind.Penalty, new DateOnly(2026, 6, 1)),
            Record(CreditRecordKind.Penalty, new DateOnly(2025, 11, 23)),
            Record(CreditRecordKind.Reward, new DateOnly(2026, 1, 1)),
            Record(CreditRecordKind.Reward, new DateOnly(2026, 2, 1)),
        ]);

        var grade = CreditGradeFormula.Grade(history, At, options);

        grade.Score.ShouldBe(62);
        grade.Level.ShouldBe(CreditGradeLevel.C);
        grade.Explanation.ShouldContain(l => l.Contains("加分合计以 12 分为限", StringComparison.Ordinal));
    }

    [Fact]
    public void Grade_NeverBelowZero()
    {
        var history = new CreditHistory([.. Enumerable.Range(0, 12).Select(i => Record(CreditRecordKind.Violation, new DateOnly(2026, 1, 1).AddDays(i)))]);

        CreditGradeFormula.Grade(history, At, new CreditGradeOptions()).Score.ShouldBe(0);
    }
}
