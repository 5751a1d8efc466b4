using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Time;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Trading.Demo;

/// <summary>
/// The demo's projects, in every state of registration and with lots at several steps of their procedures: accepted
/// projects with a lot on sale and a procurement lot announced, a registration waiting for the center, a municipal
/// platform company's waiting for the Regulator, a refused one and an exempted one, and a 交通运输工程 bridge supervised by
/// 交通运输 (<see cref="BridgeProject"/>). Dates are relative to the day the demo is installed. Idempotent: nothing is done
/// once a project exists.
/// </summary>
internal sealed class ProjectDemoSeeder(
    TradingDbContext db, PlatformDbContext platform, ITradingCatalog catalog, TradeCodeAllocator codes,
    StatutoryTimingSource timings, LedgerWriter ledger, TimeProvider clock) : IDemoSeeder
{
    /// <summary>The demo's open tender whose documents are on sale.</summary>
    public const string SchoolProject = "安和市第三中学教学楼建设工程";

    /// <summary>The demo's government procurement, announced.</summary>
    public const string EquipmentProject = "安和市政务服务中心办公设备采购项目";

    /// <summary>The demo's 交通运输工程 (a 县道's bridge), accepted: its supervisory department is 交通运输, not 住建.</summary>
    public const string BridgeProject = "安和市县道X031线青龙河大桥改建工程";

    public int Order => 110;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Projects.AnyAsync(ct) || await catalog.CurrentAsync(clock.GetUtcNow(), ct) is null)
        {
            return;
        }

        var orgs = await platform.Organizations.AsNoTracking().Where(o => o.CreditCode != null)
            .ToDictionaryAsync(o => o.Name, StringComparer.Ordinal, ct);
        var owner = DemoAccounts.Organizations.Single(o => o.Key == "owner");
        var agencyOrg = DemoAccounts.Organizations.Single(o => o.Key == "agency");
        if (!orgs.TryGetValue(owner.Name, out var tenderer) || !orgs.TryGetValue(agencyOrg.Name, out var agency))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var today = clock.Today();
        var validator = new ScheduleValidator(await timings.ForRegionAsync(DemoAccounts.CityRegion, ct));
        var drafts = new List<LedgerDraft>();

        var school = await NewAsync(tenderer, agency, SchoolProject, Regime.Tender, CatalogNames.Construction, CatalogNames.Works,
            "财政资金 60%，自筹资金 40%", 18_500_000m, ProjectStatus.Accepted, now.AddDays(-6), ct);
        school.ApprovalNumber = "安发改审批〔2026〕118号";
        school.ApprovalAuthority = "安和市发展和改革委员会";
        var works = AddLot(school, "施工", 17_200_000m, ProcurementMethod.OpenTender);
        var tenderSchedule = new ProcedureSchedule(Regime.Tender, ProcurementMethod.OpenTender, false,
            At(today.AddDays(-3), 9), null, At(today.AddDays(-3), 9), At(today.AddDays(10), 17), At(today.AddDays(30), 9, 30));
        Announce(works, tenderSchedule, documentsOnSale: true);
        AddLot(school, "监理", 1_300_000m, ProcurementMethod.OpenTender);

        var equipment = await NewAsync(tenderer, null, EquipmentProject, Regime.Procurement, CatalogNames.GovernmentProcurement,
            "货物", "财政资金", 3_200_000m, ProjectStatus.Accepted, now.AddDays(-4), ct);
        var goods = AddLot(equipment, "办公家具及电子设备", 3_200_000m, ProcurementMethod.OpenTender);
        var purchaseSchedule = new ProcedureSchedule(Regime.Procurement, ProcurementMethod.OpenTender, false,
            At(today, 9), At(today.AddDays(14), 17), At(today.AddDays(1), 9), At(today.AddDays(15), 17), At(today.AddDays(35), 9, 30));
        Announce(goods, purchaseSchedule, documentsOnSale: false);

        var road = await NewAsync(tenderer, agency, "安和市滨河路道路改造工程", Regime.Tender, CatalogNames.Construction, CatalogNames.Works,
            "财政资金", 9_600_000m, ProjectStatus.Submitted, now.AddHours(-20), ct);
        road.ApprovalNumber = "安发改审批〔2026〕131号";
        road.ApprovalAuthority = "安和市发展和改革委员会";
        AddLot(road, "施工", 9_600_000m, ProcurementMethod.OpenTender);

        var park = await NewAsync(tenderer, agency, "安和市城投科创园二期工程", Regime.Tender, CatalogNames.Construction, CatalogNames.Works,
            "企业自筹资金", 46_000_000m, ProjectStatus.AwaitingRegulator, now.AddDays(-2), ct, municipalPlatformCompany: true);
        park.ApprovalNumber = "安发改核准〔2026〕27号";
        park.ApprovalAuthority = "安和市发展和改革委员会";
        park.DecidedAt = now.AddDays(-1);
        park.DecidedBy = "clerk";
        park.DecisionNote = "材料齐全，招标人为市属国有平台公司，报公管办确认。";
        AddLot(park, "施工总承包", 46_000_000m, ProcurementMethod.OpenTender);

        var refused = await NewAsync(tenderer, agency, "安和市旧货市场地块整理工程", Regime.Tender, CatalogNames.Construction, CatalogNames.Works,
            "自筹资金", 5_200_000m, ProjectStatus.Refused, now.AddDays(-9), ct);
        refused.RefusalReason = RegistrationRefusal.NotApproved;
        refused.DecidedAt = now.AddDays(-8);
        refused.DecidedBy = "clerk";
        refused.DecisionNote = "该项目依法须经核准，登记时未提供核准文件。";
        AddLot(refused, "施工", 5_200_000m, ProcurementMethod.OpenTender);

        var exempted = await NewAsync(tenderer, null, "安和市防汛应急抢险工程", Regime.Tender, CatalogNames.Construction, CatalogNames.Works,
            "财政资金", 3_800_000m, ProjectStatus.Exempted, now.AddDays(-12), ct);
        exempted.Exemption = ExemptionReason.Emergency;
        exempted.ExemptionBasis = "安和市人民政府防汛抗旱指挥部《关于实施应急抢险工程的决定》（安防指〔2026〕5号）";
        exempted.DecidedAt = now.AddDays(-12);
        exempted.DecidedBy = "clerk";
        AddLot(exempted, "抢险施工", 3_800_000m, ProcurementMethod.OpenTender);

        var bridge = await NewAsync(tenderer, agency, BridgeProject, Regime.Tender, CatalogNames.Construction, CatalogNames.Works,
            "财政资金（农村公路建设专项）", 7_600_000m, ProjectStatus.Accepted, now.AddDays(-1), ct,
            department: SupervisoryDepartments.Transport);
        bridge.ApprovalNumber = "安发改审批〔2026〕142号";
        bridge.ApprovalAuthority = "安和市发展和改革委员会";
        AddLot(bridge, "桥梁拆除及新建施工", 7_600_000m, ProcurementMethod.OpenTender);

        foreach (var project in new[] { school, equipment, road, park, refused, exempted, bridge })
        {
            drafts.Add(new LedgerDraft("trading.project.registered", $"project:{project.TradeCode}", new
            {
                tradeCode = project.TradeCode,
                name = project.Name,
                status = project.Status.ToString(),
                supervisoryDepartment = project.SupervisoryDepartment,
                lots = project.Lots.Select(l => new { l.TradeCode, l.Name, state = l.State.ToString() }),
                demo = true,
            }));
        }

        await ledger.SaveChangesAsync(db, drafts, ct);

        void Announce(Lot lot, ProcedureSchedule schedule, bool documentsOnSale)
        {
            lot.Plan(schedule, "agency");
            var procedure = lot.Procedure(schedule.Regime)!;
            procedure.Publish(validator, schedule.AnnouncedAt);
            if (documentsOnSale)
            {
                procedure.OpenDocumentSale(schedule.DocumentsFrom);
            }

            lot.Record(procedure, "agency");
        }
    }

    private async Task<Project> NewAsync(
        Organization tenderer, Organization? agency, string name, Regime regime, string sector, string type, string funding,
        decimal amount, ProjectStatus status, DateTimeOffset registeredAt, CancellationToken ct, bool municipalPlatformCompany = false,
        string? department = null)
    {
        var region = DemoAccounts.CityRegion;
        var classification = await catalog.ClassifyAsync(sector, type, amount, region, registeredAt, ct);
        var project = new Project
        {
            Id = Guid.CreateVersion7(),
            TradeCode = await codes.NextAsync(sector, region, registeredAt.ToOffset(ChinaTime.Offset).Year, ct),
            Name = name,
            Regime = regime,
            Sector = sector,
            SupervisoryDepartment = department ?? SupervisoryDepartments.Of(sector),
            ProjectType = type,
            RegionCode = region,
            TendererId = tenderer.Id,
            TendererCode = tenderer.CreditCode!,
            TendererName = tenderer.Name,
            AgencyId = agency?.Id,
            AgencyCode = agency?.CreditCode,
            AgencyName = agency?.Name,
            RegisteredBy = agency is null ? "tenderer" : "agency",
            RegisteredAt = registeredAt,
            FundingSource = funding,
            FundingAmount = amount,
            MunicipalPlatformCompany = municipalPlatformCompany,
            Verdict = classification.Verdict,
            CatalogVersion = classification.CatalogVersion,
            CatalogCitation = classification.Citation,
            CenterId = classification.Center?.OrganizationId,
            CenterName = classification.Center?.Name,
            Status = status,
        };
        if (status == ProjectStatus.Accepted)
        {
            project.DecidedAt = registeredAt.AddHours(3);
            project.DecidedBy = "clerk";
            project.DecisionNote = "审批文件、委托合同齐全，予以受理。";
        }

        db.Projects.Add(project);
        return project;
    }

    /// <summary>Adds the next lot of a demo project, with its trade code.</summary>
    internal static Lot AddLot(Project project, string name, decimal amount, ProcurementMethod method)
    {
        var number = project.Lots.Count + 1;
        var lot = new Lot
        {
            Id = Guid.CreateVersion7(),
            ProjectId = project.Id,
            Number = number,
            TradeCode = TradeCodes.ForLot(project.TradeCode, number),
            Name = name,
            EstimatedAmount = amount,
            Method = method,
        };
        project.Lots.Add(lot);
        return lot;
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minute = 0) =>
        ChinaTime.StartOfDay(day).AddHours(hour).AddMinutes(minute);
}
