using Ggzy.Platform.Demo;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Trading.Demo;

/// <summary>
/// A second catalog version of 安和市 drafted by the center (clerk) and submitted, waiting for the Regulator: it lowers
/// the 施工 threshold in the city to 200万元 and adds 国有产权 transfers, so the pages show a pending approval.
/// Idempotent: nothing is done once a second version exists.
/// </summary>
internal sealed class CatalogDemoSeeder(TradingDbContext db, ICatalogAdministration catalog) : IDemoSeeder
{
    public const string Basis = "《安和市公共资源交易目录（2027年版）》（安公管办〔2026〕12号，征求意见稿）";
    public const string LocalCitation = "《安和市公共资源交易目录（2027年版）》第三条";
    public const string Drafter = "clerk";

    public int Order => 100;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.CatalogVersions.AnyAsync(v => v.Number >= 2, ct) || !await db.CatalogVersions.AnyAsync(ct))
        {
            return;
        }

        var draft = await catalog.DraftAsync(Drafter, new CatalogDraftInput { Basis = Basis }, ct);
        await catalog.AddEntryAsync(Drafter, draft.Id, new CatalogEntryInput
        {
            Sector = CatalogNames.Construction,
            ProjectType = CatalogNames.Works,
            ThresholdAmount = 2_000_000m,
            RegionCode = DemoAccounts.CityRegion,
            Citation = LocalCitation + "第一项：本市施工单项合同估算价在200万元以上的，进入市公共资源交易平台交易",
        }, ct);
        await catalog.AddEntryAsync(Drafter, draft.Id, new CatalogEntryInput
        {
            Sector = CatalogNames.StateOwnedEquity,
            ProjectType = "产权转让",
            ThresholdAmount = 1_000_000m,
            RegionCode = DemoAccounts.CityRegion,
            Citation = LocalCitation + "第五项：市属国有企业产权转让，转让标的评估值在100万元以上的",
        }, ct);
        await catalog.SubmitAsync(Drafter, draft.Id, ct);
    }
}
