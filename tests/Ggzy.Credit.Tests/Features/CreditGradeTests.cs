using Ggzy.Credit.Contracts;
using static Ggzy.Credit.Tests.CreditRecordSteps;

namespace Ggzy.Credit.Tests.Features;

/// <summary>R29: the grade from an entity's records by the default formula (docs/credit-grade.md), through the contract.</summary>
public sealed class CreditGradeTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private CreditTestHost _host = null!;
    private string _code = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await CreditTestHost.CreateAsync(Ct);
        await _host.InstallCalendarAsync();
        _code = await _host.RegisterAsync("M000100Y", "graded.admin");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<CreditGrade> GradeAsync() => _host.StandingAsync(s => s.GradeOfAsync(_code, _host.Clock.GetUtcNow(), Ct));

    [Fact]
    public async Task Grade_WithoutRecords_IsAWithTheBaseScore()
    {
        var grade = await GradeAsync();

        grade.Level.ShouldBe(CreditGradeLevel.A);
        grade.Score.ShouldBe(100);
        grade.Debarred.ShouldBeFalse();
        grade.Explanation[0].ShouldContain("基础分 100");
    }

    [Fact]
    public async Task Grade_PenaltiesAndViolationsDeduct_RewardsAdd_AndTheExplanationSaysSo()
    {
        await _host.EnterAsync(Record(_code, CreditRecordKind.Penalty, "安建罚〔2026〕1号", Today.AddDays(-10)));
        await _host.EnterAsync(Record(_code, CreditRecordKind.Violation, "安建违〔2026〕1号", Today.AddDays(-20)));
        await _host.EnterAsync(Record(_code, CreditRecordKind.Reward, "安建奖〔2026〕1号", Today.AddDays(-30)));

        var grade = await GradeAsync();

        grade.Score.ShouldBe(80);
        grade.Level.ShouldBe(CreditGradeLevel.B);
        grade.Name.ShouldBe("B 级（信用良好）");
        grade.Explanation.ShouldContain(l => l.Contains("行政处罚 1 条，扣 10 分", StringComparison.Ordinal));
        grade.Explanation.ShouldContain(l => l.Contains("违法违规 1 条，扣 15 分", StringComparison.Ordinal));
        grade.Explanation.ShouldContain(l => l.Contains("奖励 1 条，加 5 分", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Grade_RecordsOutsideTheLookBackWindow_OrRevoked_DoNotCount()
    {
        await _host.EnterAsync(Record(_code, CreditRecordKind.Violation, "安建违〔2023〕1号", Today.AddMonths(-37)));
        var revoked = await _host.EnterAsync(Record(_code, CreditRecordKind.Penalty, "安建罚〔2026〕2号", Today));
        await _host.EnterAsync(new CreditRecordInput
        {
            CreditCode = _code,
            Action = CreditRecordAction.Revocation,
            RefersTo = revoked.Id,
            Reason = "复议撤销。",
            DecisionNumber = "安复〔2026〕1号",
            DecidingBody = "安和市人民政府",
            DecisionDate = Today,
            SourceSystem = "本平台录入",
        });

        (await GradeAsync()).Score.ShouldBe(100);
    }

    [Fact]
    public async Task Grade_WhileADebarmentIsInForce_IsD_AndAfterItEnds_TheDeductionRemains()
    {
        var debarment = Record(_code, CreditRecordKind.Debarment, "安建限〔2026〕1号", Today);
        debarment.EffectiveUntil = new DateOnly(2026, 12, 31);
        await _host.EnterAsync(debarment);

        var during = await GradeAsync();
        during.Level.ShouldBe(CreditGradeLevel.D);
        during.Debarred.ShouldBeTrue();
        during.Explanation.ShouldContain(l => l.Contains("安建限〔2026〕1号", StringComparison.Ordinal));

        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero));
        var after = await GradeAsync();
        after.Debarred.ShouldBeFalse();
        after.Score.ShouldBe(80);
        after.Level.ShouldBe(CreditGradeLevel.B);
    }
}
