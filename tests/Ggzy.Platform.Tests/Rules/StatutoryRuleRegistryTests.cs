using Ggzy.Platform.Errors;
using Ggzy.Platform.Rules;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Platform.Tests.Rules;

public sealed class StatutoryRuleRegistryTests : IAsyncDisposable
{
    private const string DeadlineKey = "tender.documents-to-deadline.min-days";
    private const string SecurityKey = "tender.bid-security.max-percent";
    private const string TianjinBasis = "《天津市某某管理办法》第十二条";

    private readonly TestDatabase _t = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _t.DisposeAsync();

    [Fact]
    public async Task Effective_NoOverride_IsNationalValueWithCitation()
    {
        var effective = await _t.Rules().EffectiveAsync(DeadlineKey, "120101", Ct);

        effective.Value.ShouldBe(20);
        effective.Source.ShouldBe("《中华人民共和国招标投标法》第二十四条");
        effective.IsLocal.ShouldBeFalse();
        effective.Describe().ShouldBe("不少于 20 日");
    }

    [Fact]
    public async Task AddOverride_TightensMinimum_IsAppliedAndRecorded()
    {
        var rules = _t.Rules();

        var added = await rules.AddOverrideAsync(DeadlineKey, "120000", 25, $"  {TianjinBasis} ", "公管办张三", Ct);
        var effective = await rules.EffectiveAsync(DeadlineKey, "120101", Ct);

        added.Basis.ShouldBe(TianjinBasis);
        added.CreatedBy.ShouldBe("公管办张三");
        effective.Value.ShouldBe(25);
        effective.Source.ShouldBe(TianjinBasis);
        effective.Override!.Id.ShouldBe(added.Id);
        effective.Violation("投标截止时间距招标文件发出不足 25 日").Message.ShouldBe($"投标截止时间距招标文件发出不足 25 日（依据：{TianjinBasis}）。");
        var entry = (await _t.LedgerAsync(StatutoryRuleRegistry.OverrideAdded, Ct)).ShouldHaveSingleItem();
        entry.Subject.ShouldBe("rule:" + DeadlineKey);
        entry.Payload.ShouldContain("\"regionCode\":\"120000\"");
        entry.Payload.ShouldContain("\"nationalValue\":20");
    }

    [Fact]
    public async Task AddOverride_LoosensMinimum_IsRefusedCitingTheLaw()
    {
        var ex = await Should.ThrowAsync<StatutoryRuleException>(
            () => _t.Rules().AddOverrideAsync(DeadlineKey, "120000", 15, TianjinBasis, "公管办张三", Ct));

        ex.Field.ShouldBe("Value");
        ex.Citation.ShouldBe("《中华人民共和国招标投标法》第二十四条");
        ex.Message.ShouldContain("不能放宽");
        ex.Message.ShouldContain("不小于 20 日");
        ex.Message.ShouldContain("《中华人民共和国招标投标法》第二十四条");
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task AddOverride_Maximum_LowerAcceptedHigherRefused()
    {
        var rules = _t.Rules();

        var ex = await Should.ThrowAsync<StatutoryRuleException>(
            () => rules.AddOverrideAsync(SecurityKey, "120000", 3, TianjinBasis, "公管办张三", Ct));
        await rules.AddOverrideAsync(SecurityKey, "120000", 1.5m, TianjinBasis, "公管办张三", Ct);

        ex.Message.ShouldContain("不大于 2%");
        ex.Message.ShouldContain("《中华人民共和国招标投标法实施条例》第二十六条");
        (await rules.EffectiveAsync(SecurityKey, "120105", Ct)).Value.ShouldBe(1.5m);
    }

    [Theory]
    [InlineData("tender.no-such-rule", "120000", "20", TianjinBasis, "RuleKey")]
    [InlineData(DeadlineKey, "12000", "25", TianjinBasis, "RegionCode")]
    [InlineData(DeadlineKey, "12000a", "25", TianjinBasis, "RegionCode")]
    [InlineData(DeadlineKey, "120000", "25", "  ", "Basis")]
    [InlineData(DeadlineKey, "120000", "25.5", TianjinBasis, "Value")]
    [InlineData(SecurityKey, "120000", "-1", TianjinBasis, "Value")]
    public async Task AddOverride_InvalidInput_IsRefusedNamingTheField(string key, string region, string value, string basis, string field)
    {
        var ex = await Should.ThrowAsync<BusinessRuleException>(() => _t.Rules().AddOverrideAsync(
            key, region, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), basis, "公管办张三", Ct));

        ex.Field.ShouldBe(field);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task AddOverride_SecondActiveForSameRegion_IsRefused()
    {
        var rules = _t.Rules();
        await rules.AddOverrideAsync(DeadlineKey, "120000", 25, TianjinBasis, "公管办张三", Ct);

        var ex = await Should.ThrowAsync<BusinessRuleException>(
            () => rules.AddOverrideAsync(DeadlineKey, "120000", 30, TianjinBasis, "公管办张三", Ct));

        ex.Field.ShouldBe("RegionCode");
        (await rules.ActiveOverridesAsync(DeadlineKey, Ct)).ShouldHaveSingleItem().Value.ShouldBe(25);
    }

    [Theory]
    [InlineData("120101", 25, "市级")] // province 22 and city 25 cover it; the stricter applies
    [InlineData("120102", 30, "区级")] // the county's own 30 is strictest
    [InlineData("120201", 22, "省级")] // another city in the province: only the province's
    [InlineData("130101", 20, "《中华人民共和国招标投标法》第二十四条")] // another province: national
    public async Task Effective_OverridesAtSeveralLevels_StrictestCoveringApplies(string region, int value, string source)
    {
        var rules = _t.Rules();
        await rules.AddOverrideAsync(DeadlineKey, "120000", 22, "省级", "公管办张三", Ct);
        await rules.AddOverrideAsync(DeadlineKey, "120100", 25, "市级", "公管办张三", Ct);
        await rules.AddOverrideAsync(DeadlineKey, "120102", 30, "区级", "公管办张三", Ct);

        var effective = await rules.EffectiveAsync(DeadlineKey, region, Ct);

        effective.Value.ShouldBe(value);
        effective.Source.ShouldBe(source);
    }

    [Fact]
    public async Task Retire_ActiveOverride_StopsApplyingAndIsRecorded()
    {
        var rules = _t.Rules();
        await rules.AddOverrideAsync(DeadlineKey, "120000", 22, "省级", "公管办张三", Ct);
        var city = await rules.AddOverrideAsync(DeadlineKey, "120100", 25, "市级", "公管办张三", Ct);
        _t.Clock.Advance(TimeSpan.FromDays(1));

        await rules.RetireOverrideAsync(city.Id, "公管办李四", Ct);

        (await rules.EffectiveAsync(DeadlineKey, "120101", Ct)).Value.ShouldBe(22);
        await using var db = _t.NewContext();
        (await db.RuleOverrides.SingleAsync(o => o.Id == city.Id, Ct)).RetiredAt.ShouldBe(_t.Clock.GetUtcNow());
        var entry = (await _t.LedgerAsync(StatutoryRuleRegistry.OverrideRetired, Ct)).ShouldHaveSingleItem();
        entry.Payload.ShouldContain("\"retiredBy\":\"公管办李四\"");
        await Should.ThrowAsync<BusinessRuleException>(() => rules.RetireOverrideAsync(city.Id, "公管办李四", Ct));
        await Should.ThrowAsync<NotFoundException>(() => rules.RetireOverrideAsync(Guid.NewGuid(), "公管办李四", Ct));
    }

    [Fact]
    public void Get_UnknownKey_IsRefused()
    {
        var rules = _t.Rules();

        rules.Get(DeadlineKey).ShouldBeSameAs(StatutoryRules.TenderDocumentsToDeadline);
        rules.All.ShouldBe(StatutoryRules.All);
        Should.Throw<BusinessRuleException>(() => rules.Get("no.such.rule")).Field.ShouldBe("RuleKey");
    }

    private async Task AssertNothingStoredAsync()
    {
        await using var db = _t.NewContext();
        (await db.RuleOverrides.CountAsync(Ct)).ShouldBe(0);
        (await db.LedgerEntries.CountAsync(Ct)).ShouldBe(0);
    }
}
