using System.Security.Claims;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Time;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Tests.Announcements;

/// <summary>An accepted project with draft lots, the agency's principal, and a complete composer input for it.</summary>
internal static class AnnouncementTestData
{
    private static int _sequence = 1000;

    public static ClaimsPrincipal User(string name, Guid organizationId) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, name), new Claim(GgzyClaims.OrganizationId, organizationId.ToString())], "test"));

    public static async Task<Project> AcceptedProjectAsync(TradingTestHost host, Regime regime, CancellationToken ct,
        ProcurementMethod method = ProcurementMethod.OpenTender, int lots = 1)
    {
        var sector = regime == Regime.Procurement ? CatalogNames.GovernmentProcurement : CatalogNames.Construction;
        var code = TradeCodes.ForProject(sector, "990100", 2026, Interlocked.Increment(ref _sequence));
        var project = new Project
        {
            Id = Guid.NewGuid(),
            TradeCode = code,
            Name = regime == Regime.Procurement ? "安和市图书馆设备采购项目" : "安和市第一小学操场改造工程",
            Regime = regime,
            Sector = sector,
            SupervisoryDepartment = Ggzy.Trading.Domain.Projects.SupervisoryDepartments.Of(sector),
            ProjectType = regime == Regime.Procurement ? "货物" : CatalogNames.Works,
            RegionCode = "990100",
            TendererId = host.Tenderer.Id,
            TendererCode = host.Tenderer.CreditCode!,
            TendererName = host.Tenderer.Name,
            AgencyId = host.Agency.Id,
            AgencyCode = host.Agency.CreditCode,
            AgencyName = host.Agency.Name,
            RegisteredBy = "agency",
            RegisteredAt = host.Clock.GetUtcNow().AddDays(-2),
            FundingSource = "财政资金",
            Verdict = CatalogVerdict.MustEnter,
            Status = ProjectStatus.Accepted,
        };
        for (var n = 1; n <= lots; n++)
        {
            project.Lots.Add(new Lot
            {
                Id = Guid.NewGuid(),
                ProjectId = project.Id,
                Number = n,
                TradeCode = TradeCodes.ForLot(code, n),
                Name = $"第{n}标段",
                EstimatedAmount = 5_000_000m,
                Method = method,
            });
        }

        await host.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<TradingDbContext>();
            db.Projects.Add(project);
            await db.SaveChangesAsync(ct);
        });
        return project;
    }

    /// <summary>A complete notice; its lots' dates leave room for every statutory period.</summary>
    public static ComposeAnnouncementInput Input(TradingTestHost host, Project project, DateTime? publishAt = null)
    {
        var today = host.Clock.Today();
        DateTime At(int days, int hour) => today.AddDays(days).ToDateTime(new TimeOnly(hour, 0));
        return new ComposeAnnouncementInput
        {
            ProjectId = project.Id,
            Kind = project.Regime == Regime.Procurement ? AnnouncementKind.ProcurementNotice : AnnouncementKind.TenderNotice,
            Title = project.Name + "招标公告",
            Scope = "操场塑胶跑道及配套设施施工。",
            Scale = "约 8,000 平方米。",
            Funding = "财政资金，已落实。",
            Qualifications = "市政公用工程施工总承包三级及以上资质。",
            DocumentsMethod = "登录平台免费下载。",
            SubmissionMethod = "通过平台递交电子投标文件。",
            PlatformAddress = "安和市公共资源交易平台 https://ggzy.anhe.example/",
            Contacts = "王先生 0990-1234567",
            PublishAt = publishAt,
            Lots =
            [
                .. project.Lots.Select(l => new AnnouncementLotInput
                {
                    LotId = l.Id,
                    Include = true,
                    AnnouncementEndsAt = project.Regime == Regime.Procurement ? At(12, 17) : null,
                    DocumentsFrom = At(3, 9),
                    DocumentsUntil = At(15, 17),
                    Deadline = At(35, 9),
                }),
            ],
        };
    }
}
