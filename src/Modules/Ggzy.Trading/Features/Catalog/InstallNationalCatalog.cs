using Ggzy.Platform.Data;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Domain.Catalog;

namespace Ggzy.Trading.Features.Catalog;

/// <summary>
/// At start, if the database has no catalog yet, installs the first version: the national must-tender thresholds of
/// 16号令 Art.5 (national-rules.md §B.1), published and in effect from the day the rule took effect (2018-06-01).
/// The city then drafts its own catalog from it (R1).
/// </summary>
internal sealed class InstallNationalCatalog(CatalogService catalog, TimeProvider clock) : IStartupTask
{
    public const string Basis = "《必须招标的工程项目规定》（国家发展改革委令第16号，2018年6月1日起施行）";

    /// <summary>The day 16号令 took effect.</summary>
    public static readonly DateOnly EffectiveFrom = new(2018, 6, 1);

    public const decimal WorksThreshold = 4_000_000m;
    public const decimal GoodsThreshold = 2_000_000m;
    public const decimal ServicesThreshold = 1_000_000m;

    public int Order => 100;

    public Task RunAsync(CancellationToken ct) => catalog.InstallShippedAsync(Create(clock.GetUtcNow()), ct);

    public static CatalogVersion Create(DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        CatalogEntry Entry(string type, decimal threshold, string clause) => new()
        {
            Id = Guid.CreateVersion7(now),
            VersionId = id,
            Sector = CatalogNames.Construction,
            ProjectType = type,
            ThresholdAmount = threshold,
            RegionCode = CatalogNames.Nationwide,
            Citation = $"{CatalogNames.Order16Article5}{clause}",
        };

        return new CatalogVersion
        {
            Id = id,
            Number = 1,
            Status = CatalogVersionStatus.Published,
            Basis = Basis,
            EffectiveFrom = Platform.Time.ChinaTime.StartOfDay(EffectiveFrom),
            DraftedAt = now,
            DraftedBy = "system",
            PublishedAt = now,
            PublishedBy = "system",
            Entries =
            [
                Entry(CatalogNames.Works, WorksThreshold, "第（一）项：施工单项合同估算价在400万元人民币以上"),
                Entry(CatalogNames.Goods, GoodsThreshold, "第（二）项：重要设备、材料等货物的采购，单项合同估算价在200万元人民币以上"),
                Entry(CatalogNames.Services, ServicesThreshold, "第（三）项：勘察、设计、监理等服务的采购，单项合同估算价在100万元人民币以上"),
            ],
        };
    }
}
