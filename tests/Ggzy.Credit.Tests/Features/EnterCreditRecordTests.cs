using Ggzy.Credit.Contracts;
using Ggzy.Platform.Errors;
using static Ggzy.Credit.Tests.CreditRecordSteps;

namespace Ggzy.Credit.Tests.Features;

/// <summary>R28: records entered against registered entities and experts, the 7-working-day deadline, corrections and revocations.</summary>
public sealed class EnterCreditRecordTests : IAsyncLifetime
{
    private CreditTestHost _host = null!;
    private string _code = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The test clock's day: Monday 2026-11-23, 10:00 China time.</summary>
    private static readonly DateOnly Today = new(2026, 11, 23);

    public async ValueTask InitializeAsync()
    {
        _host = await CreditTestHost.CreateAsync(Ct);
        await _host.InstallCalendarAsync();
        _code = await _host.RegisterAsync("M000100Y", "records.admin");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Enter_Penalty_IsStoredWithItsDeadlineSevenWorkingDaysOn_AndOneLedgerEntry()
    {
        var before = await _host.RecordCountsAsync();

        var record = await _host.EnterAsync(Record(_code, CreditRecordKind.Penalty, "安建罚〔2026〕12号", new DateOnly(2026, 11, 20)));

        record.SubjectName.ShouldBe("福州测试建设有限公司M000100Y");
        record.PublicationDeadline.ShouldBe(new DateOnly(2026, 12, 1));
        record.IsLate.ShouldBeFalse();
        record.EffectiveFrom.ShouldBe(new DateOnly(2026, 11, 20));
        record.Status.ShouldBe(CreditRecordStatus.Current);
        record.EnteredAt.ShouldBe(_host.Clock.GetUtcNow());
        (await _host.RecordCountsAsync()).ShouldBe((before.Records + 1, before.Ledger + 1));
        var entry = (await _host.LedgerAsync("credit.record.entered", Ct)).ShouldHaveSingleItem();
        entry.Subject.ShouldBe($"market-entity:{_code}");
        entry.Payload.ShouldContain("安建罚〔2026〕12号");
    }

    [Theory]
    [InlineData("2026-11-12", "2026-11-23", false)]
    [InlineData("2026-11-11", "2026-11-20", true)]
    [InlineData("2026-09-30", "2026-10-15", true)]
    public async Task Enter_DeadlineCountsWorkingDaysOfTheCalendar_AndLateIsAfterTheDeadlineDay(string decided, string deadline, bool late)
    {
        var record = await _host.EnterAsync(Record(_code, CreditRecordKind.Reward, "安建奖〔2026〕" + decided, DateOnly.Parse(decided, System.Globalization.CultureInfo.InvariantCulture)));

        record.PublicationDeadline.ShouldBe(DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture));
        record.PublicationDeadlineProvisional.ShouldBeFalse();
        record.IsLate.ShouldBe(late);
    }

    [Fact]
    public async Task Enter_DecisionDateInTheFuture_IsRefusedInChinese_AndStoresNothing()
    {
        var before = await _host.RecordCountsAsync();

        var refused = await Should.ThrowAsync<InputValidationException>(() =>
            _host.EnterAsync(Record(_code, CreditRecordKind.Penalty, "安建罚〔2026〕99号", Today.AddDays(1))));

        refused.Errors["decisionDate"].ShouldHaveSingleItem().ShouldContain("晚于今天");
        (await _host.RecordCountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Enter_BadInputs_EachNamesItsField_AndStoresNothing()
    {
        var before = await _host.RecordCountsAsync();
        var unknown = Record(CodeFor("M000200Y"), CreditRecordKind.Penalty, "安建罚〔2026〕1号", Today);
        var backwards = Record(_code, CreditRecordKind.Debarment, "安建限〔2026〕1号", Today);
        backwards.EffectiveFrom = Today;
        backwards.EffectiveUntil = Today.AddDays(-1);
        var confidential = Record(_code, CreditRecordKind.Penalty, "安建罚〔2026〕2号", Today);
        confidential.Confidential = true;
        var badId = Record(_code, CreditRecordKind.Penalty, "安建罚〔2026〕3号", Today);
        badId.CreditCode = null;
        badId.ExpertIdNumber = "110105198001011230";
        badId.ExpertName = "林振华";
        var noSubject = Record(_code, CreditRecordKind.Penalty, "安建罚〔2026〕4号", Today);
        noSubject.CreditCode = " ";

        (await Refused(unknown)).Errors["creditCode"].ShouldHaveSingleItem().ShouldContain("未在本平台注册");
        (await Refused(backwards)).Errors["effectiveUntil"].ShouldHaveSingleItem().ShouldContain("早于生效日期");
        (await Refused(confidential)).Errors["confidentialBasis"].ShouldHaveSingleItem().ShouldContain("法律依据");
        (await Refused(badId)).Errors["expertIdNumber"].ShouldHaveSingleItem().ShouldContain("第 18 位");
        (await Refused(noSubject)).Errors["creditCode"].ShouldHaveSingleItem().ShouldContain("统一社会信用代码");
        (await Refused(new CreditRecordInput())).Errors.Keys.ShouldBe(
            ["creditCode", "kind", "decisionNumber", "decidingBody", "decisionDate", "facts", "sourceSystem"], ignoreOrder: true);
        (await _host.RecordCountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Enter_SameDecisionTwice_IsRefusedAsDuplicate_AndStoresNothing()
    {
        await _host.EnterAsync(Record(_code, CreditRecordKind.Penalty, "安建罚〔2026〕12号", Today));
        var before = await _host.RecordCountsAsync();

        var refused = await Should.ThrowAsync<BusinessRuleException>(() =>
            _host.EnterAsync(Record(_code, CreditRecordKind.Penalty, "安建罚〔2026〕12号", Today)));

        refused.Message.ShouldContain("已经录入");
        (await _host.RecordCountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Correct_ReplacesTheContent_AsANewRecord_TheOldOneIsKeptAsCorrected()
    {
        var original = await _host.EnterAsync(Record(_code, CreditRecordKind.Penalty, "安建罚〔2026〕12号", Today.AddDays(-3)));
        var correction = Record(_code, CreditRecordKind.Penalty, "安建罚更〔2026〕1号", Today);
        correction.Action = CreditRecordAction.Correction;
        correction.RefersTo = original.Id;
        correction.Reason = "罚款金额笔误。";
        correction.Facts = "未按规定设置安全防护设施，罚款 2 万元。";

        var corrected = await _host.EnterAsync(correction);

        corrected.ChainId.ShouldBe(original.Id);
        corrected.RefersTo.ShouldBe(original.Id);
        corrected.Reason.ShouldBe("罚款金额笔误。");
        var records = await _host.StandingAsync(s => s.RecordsOfEntityAsync(_code, false, Ct));
        records.Single(r => r.Id == original.Id).Status.ShouldBe(CreditRecordStatus.Corrected);
        records.Single(r => r.Id == original.Id).Facts.ShouldBe("未按规定设置安全防护设施。");
        records.Single(r => r.Id == corrected.Id).Status.ShouldBe(CreditRecordStatus.Current);

        correction.DecisionNumber = "安建罚更〔2026〕2号";
        var again = await Refused(correction);
        again.Errors["refersTo"].ShouldHaveSingleItem().ShouldContain("最新版本");
    }

    [Fact]
    public async Task Correct_ARecordThatDoesNotExist_IsRefused_AndStoresNothing()
    {
        var before = await _host.RecordCountsAsync();
        var correction = Record(_code, CreditRecordKind.Penalty, "安建罚更〔2026〕1号", Today);
        correction.Action = CreditRecordAction.Correction;
        correction.RefersTo = Guid.NewGuid();
        correction.Reason = "笔误。";

        (await Refused(correction)).Errors["refersTo"].ShouldHaveSingleItem().ShouldContain("未找到");

        correction.RefersTo = null;
        correction.RefersToDecisionNumber = "安建罚〔2026〕404号";
        (await Refused(correction)).Errors["refersTo"].ShouldHaveSingleItem().ShouldContain("安建罚〔2026〕404号");
        (await _host.RecordCountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Correct_WithoutReason_IsRefused()
    {
        var original = await _host.EnterAsync(Record(_code, CreditRecordKind.Penalty, "安建罚〔2026〕12号", Today));
        var correction = Record(_code, CreditRecordKind.Penalty, "安建罚更〔2026〕1号", Today);
        correction.Action = CreditRecordAction.Correction;
        correction.RefersTo = original.Id;

        (await Refused(correction)).Errors["reason"].ShouldHaveSingleItem().ShouldContain("理由");
    }

    [Fact]
    public async Task Revoke_ByDecisionNumber_CancelsTheRecord_AndARevocationCannotBeRevoked()
    {
        var original = await _host.EnterAsync(Record(_code, CreditRecordKind.Violation, "安建违〔2026〕3号", Today));
        var revocation = new CreditRecordInput
        {
            CreditCode = _code,
            Action = CreditRecordAction.Revocation,
            RefersToDecisionNumber = "安建违〔2026〕3号",
            Reason = "行政复议决定撤销原处理决定。",
            DecisionNumber = "安复〔2026〕8号",
            DecidingBody = "安和市人民政府",
            DecisionDate = Today,
            SourceSystem = "本平台录入",
        };

        var revoked = await _host.EnterAsync(revocation);

        revoked.Kind.ShouldBe(CreditRecordKind.Violation);
        revoked.Facts.ShouldBe("行政复议决定撤销原处理决定。");
        var records = await _host.StandingAsync(s => s.RecordsOfEntityAsync(_code, false, Ct));
        records.ShouldAllBe(r => r.Status == CreditRecordStatus.Revoked);
        records.Select(r => r.Id).ShouldBe([original.Id, revoked.Id], ignoreOrder: true);

        revocation.DecisionNumber = "安复〔2026〕9号";
        revocation.RefersTo = revoked.Id;
        (await Refused(revocation)).Errors["refersTo"].ShouldHaveSingleItem().ShouldContain("撤销记录不能再被更正或撤销");
    }

    [Fact]
    public async Task Enter_ForAnExpert_KeepsTheIdNumberOutOfEverythingShown_AndTheContractFindsItByNumber()
    {
        var id = IdNumber();
        var input = Record("", CreditRecordKind.Violation, "安建专〔2026〕1号", Today);
        input.CreditCode = null;
        input.ExpertIdNumber = id.ToLowerInvariant();
        input.ExpertName = "林振华";

        var record = await _host.EnterAsync(input);

        record.SubjectKind.ShouldBe(CreditSubjectKind.Expert);
        record.SubjectCode.ShouldBe(id[..6] + "********" + id[14..]);
        record.SubjectName.ShouldBe("林振华");
        (await _host.StandingAsync(s => s.RecordsOfExpertAsync(id, false, Ct))).ShouldHaveSingleItem().Id.ShouldBe(record.Id);
        (await _host.StandingAsync(s => s.RecordsOfExpertAsync(IdNumber("11010519800101124"), false, Ct))).ShouldBeEmpty();
        (await _host.LedgerAsync("credit.record.entered", Ct)).ShouldHaveSingleItem().Payload.ShouldNotContain(id);
    }

    [Fact]
    public async Task Confidential_IsLeftOutOfThePublicList_AndAnEntitledReadGoesOnTheLedger()
    {
        var input = Record(_code, CreditRecordKind.Violation, "安财处〔2026〕5号", Today);
        input.Confidential = true;
        input.ConfidentialBasis = "《中华人民共和国保守国家秘密法》第二十八条";
        input.Facts = "涉密项目违反保密规定。";
        var record = await _host.EnterAsync(input);

        (await _host.StandingAsync(s => s.RecordsOfEntityAsync(_code, false, Ct))).ShouldBeEmpty();
        (await _host.LedgerAsync("credit.record.confidential-read", Ct)).ShouldBeEmpty();
        (await _host.StandingAsync(s => s.RecordsOfEntityAsync(_code, true, Ct))).ShouldHaveSingleItem().Id.ShouldBe(record.Id);
        (await _host.LedgerAsync("credit.record.confidential-read", Ct)).ShouldHaveSingleItem().Payload.ShouldContain(record.Id.ToString());
        (await _host.LedgerAsync("credit.record.entered", Ct)).ShouldHaveSingleItem().Payload.ShouldNotContain("涉密项目违反保密规定");
    }

    private async Task<InputValidationException> Refused(CreditRecordInput input) =>
        await Should.ThrowAsync<InputValidationException>(() => _host.EnterAsync(input));
}
