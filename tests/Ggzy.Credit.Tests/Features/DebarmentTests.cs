using Ggzy.Credit.Contracts;
using Ggzy.Platform.Errors;
using static Ggzy.Credit.Tests.CreditRecordSteps;

namespace Ggzy.Credit.Tests.Features;

/// <summary>
/// R30: a debarment is in force from 00:00 China time of its effective-from day to 24:00 of its effective-until day,
/// or until a lifting takes effect; a revoked debarment is not in force. The fake clock crosses each instant.
/// </summary>
public sealed class DebarmentTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    /// <summary>00:00 on 2026-12-01 in China is 16:00 UTC the day before.</summary>
    private static readonly DateTimeOffset December1 = new(2026, 11, 30, 16, 0, 0, TimeSpan.Zero);

    /// <summary>24:00 on 2026-12-31 in China.</summary>
    private static readonly DateTimeOffset EndOfDecember31 = new(2026, 12, 31, 16, 0, 0, TimeSpan.Zero);

    private CreditTestHost _host = null!;
    private string _code = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await CreditTestHost.CreateAsync(Ct);
        await _host.InstallCalendarAsync();
        _code = await _host.RegisterAsync("M000100Y", "debarred.admin");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<CreditRecordInfo> DebarAsync(string number, DateOnly from, DateOnly? until)
    {
        var input = Record(_code, CreditRecordKind.Debarment, number, Today);
        input.EffectiveFrom = from;
        input.EffectiveUntil = until;
        return _host.EnterAsync(input);
    }

    private Task<DebarmentStatus> DebarredNowAsync() =>
        _host.StandingAsync(s => s.IsDebarredAsync(_code, _host.Clock.GetUtcNow(), Ct));

    [Fact]
    public async Task Debarment_ClockCrossesItsStartAndItsEnd_InForceExactlyBetween()
    {
        var record = await DebarAsync("安建限〔2026〕1号", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31));
        var tick = TimeSpan.FromTicks(1);

        _host.Clock.SetUtcNow(December1 - tick);
        (await DebarredNowAsync()).IsDebarred.ShouldBeFalse();

        _host.Clock.SetUtcNow(December1);
        var started = await DebarredNowAsync();
        started.IsDebarred.ShouldBeTrue();
        started.Debarment!.RecordId.ShouldBe(record.Id);
        started.Debarment.DecisionNumber.ShouldBe("安建限〔2026〕1号");
        started.Debarment.From.ShouldBe(December1);
        started.Debarment.Until.ShouldBe(EndOfDecember31);

        _host.Clock.SetUtcNow(EndOfDecember31 - tick);
        (await DebarredNowAsync()).IsDebarred.ShouldBeTrue();

        _host.Clock.SetUtcNow(EndOfDecember31);
        (await DebarredNowAsync()).IsDebarred.ShouldBeFalse();
    }

    [Theory]
    [InlineData(DebarredAction.ObtainTenderDocuments, "获取招标（采购）文件")]
    [InlineData(DebarredAction.SubmitBid, "递交投标（响应）文件")]
    [InlineData(DebarredAction.Award, "确定为中标（成交）人")]
    public async Task EnsureNotDebarred_WhileInForce_RefusesNamingTheRecordAndTheArticles(DebarredAction action, string refused)
    {
        await DebarAsync("安建限〔2026〕2号", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31));
        _host.Clock.SetUtcNow(December1 - TimeSpan.FromSeconds(1));
        await _host.StandingAsync(async s =>
        {
            await s.EnsureNotDebarredAsync(_code, _host.Clock.GetUtcNow(), action, Ct);
            return true;
        });

        _host.Clock.SetUtcNow(December1);
        var refusal = await Should.ThrowAsync<BusinessRuleException>(() =>
            _host.StandingAsync(async s =>
            {
                await s.EnsureNotDebarredAsync(_code, _host.Clock.GetUtcNow(), action, Ct);
                return true;
            }));

        refusal.Message.ShouldContain(refused);
        refusal.Message.ShouldContain("安建限〔2026〕2号");
        refusal.Message.ShouldContain(Housing);
        refusal.Message.ShouldContain("2026-12-01 00:00 起至 2026-12-31 24:00 止");
        refusal.Message.ShouldContain("第三十二条");
        refusal.Citation.ShouldNotBeNull().ShouldContain("第四十四条");
    }

    [Fact]
    public async Task Lifting_EndsTheDebarmentFromItsEffectiveDay_AndRevokingTheLiftingRestoresIt()
    {
        await DebarAsync("安建限〔2026〕3号", new DateOnly(2026, 11, 1), null);
        var lifting = Record(_code, CreditRecordKind.DebarmentLifted, "安建解〔2026〕1号", Today);
        lifting.EffectiveFrom = new DateOnly(2026, 12, 10);
        var lifted = await _host.EnterAsync(lifting);
        var liftInstant = new DateTimeOffset(2026, 12, 9, 16, 0, 0, TimeSpan.Zero);

        _host.Clock.SetUtcNow(liftInstant - TimeSpan.FromTicks(1));
        var before = await DebarredNowAsync();
        before.IsDebarred.ShouldBeTrue();
        before.Debarment!.Until.ShouldBe(liftInstant);
        _host.Clock.SetUtcNow(liftInstant);
        (await DebarredNowAsync()).IsDebarred.ShouldBeFalse();

        await _host.EnterAsync(new CreditRecordInput
        {
            CreditCode = _code,
            Action = CreditRecordAction.Revocation,
            RefersTo = lifted.Id,
            Reason = "解除决定有误。",
            DecisionNumber = "安建解撤〔2026〕1号",
            DecidingBody = Housing,
            DecisionDate = Today,
            SourceSystem = "本平台录入",
        });
        (await _host.StandingAsync(s => s.IsDebarredAsync(_code, liftInstant.AddDays(100), Ct))).IsDebarred.ShouldBeTrue();
    }

    [Fact]
    public async Task Lifting_WithNoDebarmentInForce_IsRefused_AndStoresNothing()
    {
        await DebarAsync("安建限〔2026〕4号", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30));
        var before = await _host.RecordCountsAsync();
        var lifting = Record(_code, CreditRecordKind.DebarmentLifted, "安建解〔2026〕2号", Today);

        var refused = await Should.ThrowAsync<InputValidationException>(() => _host.EnterAsync(lifting));

        refused.Errors["refersTo"].ShouldHaveSingleItem().ShouldContain("没有正在执行的失信惩戒");
        lifting.RefersToDecisionNumber = "安建限〔2026〕4号";
        (await Should.ThrowAsync<InputValidationException>(() => _host.EnterAsync(lifting)))
            .Errors["refersTo"].ShouldHaveSingleItem().ShouldContain("没有正在执行的失信惩戒");
        (await _host.RecordCountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task RevokedDebarment_IsNotInForce()
    {
        var debarment = await DebarAsync("安建限〔2026〕5号", new DateOnly(2026, 11, 1), null);
        (await DebarredNowAsync()).IsDebarred.ShouldBeTrue();

        await _host.EnterAsync(new CreditRecordInput
        {
            CreditCode = _code,
            Action = CreditRecordAction.Revocation,
            RefersTo = debarment.Id,
            Reason = "法院判决撤销原处理决定。",
            DecisionNumber = "安建限撤〔2026〕1号",
            DecidingBody = Housing,
            DecisionDate = Today,
            SourceSystem = "本平台录入",
        });

        (await DebarredNowAsync()).ShouldBe(DebarmentStatus.NotDebarred);
    }

    [Fact]
    public async Task CorrectedDebarment_IsInForceForTheCorrectedPeriod()
    {
        var debarment = await DebarAsync("安建限〔2026〕6号", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        var correction = Record(_code, CreditRecordKind.Debarment, "安建限更〔2026〕1号", Today);
        correction.Action = CreditRecordAction.Correction;
        correction.RefersTo = debarment.Id;
        correction.Reason = "期限笔误。";
        correction.EffectiveFrom = new DateOnly(2026, 11, 1);
        correction.EffectiveUntil = new DateOnly(2027, 4, 30);
        await _host.EnterAsync(correction);

        (await _host.StandingAsync(s => s.IsDebarredAsync(_code, EndOfDecember31, Ct))).Debarment!.DecisionNumber.ShouldBe("安建限更〔2026〕1号");
    }

    [Fact]
    public async Task IsDebarred_ForAnUnknownOrMalformedCode_IsNotDebarred()
    {
        (await _host.StandingAsync(s => s.IsDebarredAsync("not a code", December1, Ct))).ShouldBe(DebarmentStatus.NotDebarred);
        (await _host.StandingAsync(s => s.IsDebarredAsync(CodeFor("M000300Y"), December1, Ct))).ShouldBe(DebarmentStatus.NotDebarred);
    }
}
