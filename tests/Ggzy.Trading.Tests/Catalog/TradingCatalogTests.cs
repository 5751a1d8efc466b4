using Ggzy.Platform.Errors;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Tests.Catalog;

/// <summary>The trading catalog (R1–R3): the shipped national version, classification and routing, and the version workflow.</summary>
public sealed class TradingCatalogTests : IAsyncLifetime
{
    private const string Local = "《安和市公共资源交易目录（2027年版）》第三条";

    private TradingTestHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await TradingTestHost.CreateAsync(Ct);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private DateTimeOffset Now => _host.Clock.GetUtcNow();

    private Task<CatalogClassification> ClassifyAsync(string sector, string type, decimal amount, string region, DateTimeOffset? at = null) =>
        _host.RunAsync(sp => sp.GetRequiredService<ITradingCatalog>().ClassifyAsync(sector, type, amount, region, at ?? Now, Ct));

    private Task<T> AdminAsync<T>(Func<ICatalogAdministration, Task<T>> work) =>
        _host.RunAsync(sp => work(sp.GetRequiredService<ICatalogAdministration>()));

    private Task AdminAsync(Func<ICatalogAdministration, Task> work) =>
        _host.RunAsync(sp => work(sp.GetRequiredService<ICatalogAdministration>()));

    [Fact]
    public async Task Startup_OnAnEmptyDatabase_InstallsThe16OrderThresholdsOnceAsPublishedVersion1()
    {
        await _host.RunAsync(async sp =>
        {
            foreach (var task in sp.GetServices<Platform.Data.IStartupTask>())
            {
                await task.RunAsync(Ct);
            }
        });

        var versions = await AdminAsync(a => a.VersionsAsync(Ct));
        var v1 = versions.ShouldHaveSingleItem();
        v1.Number.ShouldBe(1);
        v1.Status.ShouldBe(CatalogVersionStatus.Published);
        v1.IsCurrent.ShouldBeTrue();
        v1.Entries.Select(e => (e.ProjectType, e.ThresholdAmount)).ShouldBe(
            [(CatalogNames.Works, 4_000_000m), (CatalogNames.Goods, 2_000_000m), (CatalogNames.Services, 1_000_000m)], ignoreOrder: true);
        v1.Entries.ShouldAllBe(e => e.Citation.StartsWith(CatalogNames.Order16Article5) && e.Currency == "CNY" && e.RegionCode == CatalogNames.Nationwide);
        (await _host.LedgerAsync("trading.catalog.installed", Ct)).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(CatalogNames.Works, 5_000_000, CatalogVerdict.MustEnter)]
    [InlineData(CatalogNames.Works, 4_000_000, CatalogVerdict.MustEnter)]
    [InlineData(CatalogNames.Works, 3_999_999.99, CatalogVerdict.MayEnterVoluntarily)]
    [InlineData(CatalogNames.Goods, 2_000_000, CatalogVerdict.MustEnter)]
    [InlineData(CatalogNames.Services, 999_999, CatalogVerdict.MayEnterVoluntarily)]
    public async Task Classify_AgainstTheNationalThresholds_AnswersMustOrMay(string type, double amount, CatalogVerdict expected)
    {
        var result = await ClassifyAsync(CatalogNames.Construction, type, (decimal)amount, "990100");

        result.Verdict.ShouldBe(expected);
        result.CatalogVersion.ShouldBe(1);
        result.Citation.ShouldNotBeNull();
        if (expected == CatalogVerdict.MustEnter)
        {
            result.Citation.ShouldStartWith(CatalogNames.Order16Article5);
        }
        else
        {
            result.Citation.ShouldContain("第十三条第三款");
            result.Explanation.ShouldContain("自愿进场");
        }
    }

    [Fact]
    public async Task Classify_ProjectInABranchCentersDistrict_IsRoutedToTheBranchCenter_ElseToTheCityCenter()
    {
        (await ClassifyAsync(CatalogNames.Construction, CatalogNames.Works, 5_000_000m, "990102")).Center!.OrganizationId.ShouldBe(_host.EastBranchId);
        (await ClassifyAsync(CatalogNames.Construction, CatalogNames.Works, 5_000_000m, "990105")).Center!.OrganizationId.ShouldBe(_host.CityCenterId);
        (await ClassifyAsync(CatalogNames.Construction, CatalogNames.Works, 5_000_000m, "990100")).Center!.OrganizationId.ShouldBe(_host.CityCenterId);
    }

    [Fact]
    public async Task Classify_ATypeTheCatalogDoesNotList_IsNotInCatalogAndMayEnterVoluntarily()
    {
        var result = await ClassifyAsync(CatalogNames.StateOwnedEquity, "产权转让", 50_000_000m, "990100");

        result.Verdict.ShouldBe(CatalogVerdict.NotInCatalog);
        result.Entry.ShouldBeNull();
        result.Center!.OrganizationId.ShouldBe(_host.CityCenterId);
    }

    [Theory]
    [InlineData(CatalogNames.Construction, CatalogNames.Works, -1, "990100", "estimatedAmount")]
    [InlineData(CatalogNames.Construction, CatalogNames.Works, 1, "110101", "regionCode")]
    [InlineData(CatalogNames.Construction, CatalogNames.Works, 1, "99010", "regionCode")]
    [InlineData("水利", CatalogNames.Works, 1, "990100", "sector")]
    [InlineData(CatalogNames.Construction, " ", 1, "990100", "projectType")]
    public async Task Classify_BadInput_IsRefusedInChineseCitingTheRule(string sector, string type, double amount, string region, string field)
    {
        var refused = await Should.ThrowAsync<InputValidationException>(() => ClassifyAsync(sector, type, (decimal)amount, region));

        refused.Errors.Keys.ShouldContain(field);
        refused.Errors[field].Single().ShouldContain("吉林市公共资源交易管理暂行办法");
    }

    [Fact]
    public async Task Version_DraftedApprovedAndPublished_TakesEffectOnItsDayWithTheMostSpecificEntry()
    {
        var draft = await AdminAsync(a => a.DraftAsync("clerk", new CatalogDraftInput { Basis = "《安和市公共资源交易目录（2027年版）》" }, Ct));
        draft.Number.ShouldBe(2);
        draft.Status.ShouldBe(CatalogVersionStatus.Draft);
        draft.Entries.Count.ShouldBe(3);

        await AdminAsync(a => a.AddEntryAsync("clerk", draft.Id, new CatalogEntryInput
        {
            Sector = CatalogNames.Construction,
            ProjectType = CatalogNames.Works,
            ThresholdAmount = 2_000_000m,
            RegionCode = "990100",
            Citation = Local,
        }, Ct));
        await AdminAsync(a => a.SubmitAsync("clerk", draft.Id, Ct));

        var own = await Should.ThrowAsync<BusinessRuleException>(() =>
            AdminAsync(a => a.DecideAsync("clerk", draft.Id, new CatalogDecisionInput { Approve = true }, Ct)));
        own.Message.ShouldContain("不得审批");

        await AdminAsync(a => a.DecideAsync("regulator", draft.Id, new CatalogDecisionInput { Approve = true }, Ct));
        var tomorrow = DateOnly.FromDateTime(Now.AddHours(8).Date).AddDays(1);
        await AdminAsync(a => a.PublishAsync("regulator", draft.Id, new CatalogPublishInput { EffectiveFrom = tomorrow }, Ct));

        (await ClassifyAsync(CatalogNames.Construction, CatalogNames.Works, 3_000_000m, "990100")).Verdict.ShouldBe(CatalogVerdict.MayEnterVoluntarily);

        _host.Clock.Advance(TimeSpan.FromDays(1));
        var after = await ClassifyAsync(CatalogNames.Construction, CatalogNames.Works, 3_000_000m, "990102");
        after.Verdict.ShouldBe(CatalogVerdict.MustEnter);
        after.CatalogVersion.ShouldBe(2);
        after.Citation.ShouldBe(Local);
        after.Center!.OrganizationId.ShouldBe(_host.EastBranchId);

        var versions = await AdminAsync(a => a.VersionsAsync(Ct));
        versions.Single(v => v.Number == 1).Status.ShouldBe(CatalogVersionStatus.Superseded);
        versions.Single(v => v.Number == 2).IsCurrent.ShouldBeTrue();
        (await _host.LedgerAsync("trading.catalog.", Ct)).Select(e => e.Type).ShouldBe(
        [
            "trading.catalog.installed", "trading.catalog.drafted", "trading.catalog.entry-added", "trading.catalog.submitted",
            "trading.catalog.approved", "trading.catalog.published",
        ]);
    }

    [Fact]
    public async Task PublishedVersion_EditedOrRemovedFrom_IsRefusedAndUnchanged()
    {
        var v1 = (await AdminAsync(a => a.VersionsAsync(Ct))).Single();

        var add = await Should.ThrowAsync<BusinessRuleException>(() => AdminAsync(a => a.AddEntryAsync("clerk", v1.Id, new CatalogEntryInput
        {
            Sector = CatalogNames.Construction,
            ProjectType = "货物",
            ThresholdAmount = 1m,
            RegionCode = "990100",
            Citation = Local,
        }, Ct)));
        add.Citation.ShouldNotBeNull();
        await Should.ThrowAsync<BusinessRuleException>(() => AdminAsync(a => a.RemoveEntryAsync("clerk", v1.Id, v1.Entries[0].Id, Ct)));

        (await AdminAsync(a => a.VersionAsync(v1.Id, Ct))).Entries.Count.ShouldBe(3);
        (await _host.LedgerAsync("trading.catalog.entry", Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Draft_WithBadEntriesOrASecondOpenDraft_IsRefusedAndStoresNothing()
    {
        var draft = await AdminAsync(a => a.DraftAsync("clerk", new CatalogDraftInput { Basis = "安公管办〔2026〕12号" }, Ct));

        var invalid = await Should.ThrowAsync<InputValidationException>(() => AdminAsync(a => a.AddEntryAsync("clerk", draft.Id, new CatalogEntryInput
        {
            Sector = CatalogNames.Construction,
            ProjectType = CatalogNames.Works,
            ThresholdAmount = -5m,
            RegionCode = "110000",
            Citation = "",
        }, Ct)));
        invalid.Errors.Keys.ShouldBe(["thresholdAmount", "regionCode", "citation"], ignoreOrder: true);

        await Should.ThrowAsync<BusinessRuleException>(() => AdminAsync(a => a.DraftAsync("admin", new CatalogDraftInput { Basis = "另一份" }, Ct)));
        var reject = await Should.ThrowAsync<BusinessRuleException>(() =>
            AdminAsync(a => a.DecideAsync("regulator", draft.Id, new CatalogDecisionInput { Approve = true }, Ct)));
        reject.Message.ShouldContain("已提交");

        var count = await _host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().CatalogEntries.CountAsync(Ct));
        count.ShouldBe(6);
        (await _host.LedgerAsync("trading.catalog.", Ct)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task SubmittedVersion_RejectedWithoutReason_IsRefused_WithAReason_GoesBackForEditing()
    {
        var draft = await AdminAsync(a => a.DraftAsync("clerk", new CatalogDraftInput { Basis = "安公管办〔2026〕12号" }, Ct));
        await AdminAsync(a => a.SubmitAsync("clerk", draft.Id, Ct));

        var noReason = await Should.ThrowAsync<InputValidationException>(() =>
            AdminAsync(a => a.DecideAsync("regulator", draft.Id, new CatalogDecisionInput { Approve = false, Reason = " " }, Ct)));
        noReason.Errors.Keys.ShouldBe(["reason"]);

        await AdminAsync(a => a.DecideAsync("regulator", draft.Id, new CatalogDecisionInput { Approve = false, Reason = "限额依据不足" }, Ct));
        var rejected = await AdminAsync(a => a.VersionAsync(draft.Id, Ct));
        rejected.Status.ShouldBe(CatalogVersionStatus.Rejected);
        rejected.RejectionReason.ShouldBe("限额依据不足");

        await AdminAsync(a => a.SubmitAsync("clerk", draft.Id, Ct));
        (await AdminAsync(a => a.VersionAsync(draft.Id, Ct))).Status.ShouldBe(CatalogVersionStatus.Submitted);
    }
}
