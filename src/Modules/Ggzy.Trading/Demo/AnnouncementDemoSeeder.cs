using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Time;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Announcements;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Trading.Demo;

/// <summary>
/// The demo's announcements: the published 招标公告 of the school's construction lot and 采购公告 of the office
/// equipment (their lots are announced already), an amendment of the first, and the school's supervision lot
/// announced for a later time (定时发布), and a third lot of the school tendered by invitation (投标邀请书 to three
/// registered entities, not on the portal). Idempotent: nothing is done once an announcement exists.
/// </summary>
internal sealed class AnnouncementDemoSeeder(
    TradingDbContext db, PlatformDbContext platform, StatutoryTimingSource timings, LedgerWriter ledger, TimeProvider clock) : IDemoSeeder
{
    public const string PlatformAddress = "安和市公共资源交易平台 https://ggzy.anhe.example/ ，使用 CA 数字证书登录后在“我的项目”中获取文件、递交投标文件";

    public int Order => 120;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Announcements.AnyAsync(ct))
        {
            return;
        }

        var projects = await db.Projects.Include(p => p.Lots)
            .Where(p => p.Name == ProjectDemoSeeder.SchoolProject || p.Name == ProjectDemoSeeder.EquipmentProject).ToListAsync(ct);
        var school = projects.SingleOrDefault(p => p.Name == ProjectDemoSeeder.SchoolProject);
        var equipment = projects.SingleOrDefault(p => p.Name == ProjectDemoSeeder.EquipmentProject);
        if (school is null || equipment is null)
        {
            return;
        }

        var drafts = new List<LedgerDraft>();
        var works = school.Lots.Single(l => l.Number == 1);
        var notice = Published(school, AnnouncementKind.TenderNotice, $"{school.Name}施工招标公告", works,
            "教学楼主体及配套工程施工，含土建、安装、室外附属工程，详见招标文件工程量清单。", "建筑面积约 12,600 平方米，地上五层；计划工期 420 日历天。",
            "具备建设行政主管部门核发的建筑工程施工总承包二级及以上资质，具有有效的安全生产许可证；拟派项目经理具备建筑工程专业二级及以上注册建造师执业资格。",
            consortium: false);
        var goods = equipment.Lots.Single();
        var purchase = Published(equipment, AnnouncementKind.ProcurementNotice, $"{equipment.Name}公开招标公告", goods,
            "办公家具（桌椅、文件柜）及电子设备（台式计算机、打印机、投影仪）的采购、运输、安装和售后服务。", "办公家具 420 套，电子设备 160 台（套）。",
            "符合《政府采购法》第二十二条规定的条件；未被列入失信被执行人、重大税收违法失信主体、政府采购严重违法失信行为记录名单。",
            consortium: true);
        drafts.Add(Draft("trading.announcement.published", notice));
        drafts.Add(Draft("trading.announcement.published", purchase));

        var amendment = new Announcement
        {
            Id = Guid.CreateVersion7(),
            ProjectId = school.Id,
            Kind = AnnouncementKind.Amendment,
            Title = $"{school.Name}施工招标公告（更正公告）",
            ProjectName = school.Name,
            ProjectTradeCode = school.TradeCode,
            RegionCode = school.RegionCode,
            Sector = school.Sector,
            TendererName = school.TendererName,
            AgencyName = school.AgencyName,
            AmendsId = notice.Id,
            Changes = "原公告“联系方式”中代理机构联系电话更正为 0990-2345679；其他内容不变。",
            ChangeReason = "原公告所列联系电话号码有误。",
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = "agency",
        };
        amendment.MarkPublished(clock.GetUtcNow().AddHours(-2), "agency");
        db.Announcements.Add(amendment);
        drafts.Add(Draft("trading.announcement.published", amendment));

        var supervision = school.Lots.SingleOrDefault(l => l.Number == 2 && l.State == LotState.Draft);
        if (supervision is not null)
        {
            var today = clock.Today();
            var publishAt = At(today.AddDays(2), 9);
            var entry = new AnnouncementLot
            {
                LotId = supervision.Id,
                LotNumber = supervision.Number,
                LotName = supervision.Name,
                LotTradeCode = supervision.TradeCode,
                EstimatedAmount = supervision.EstimatedAmount,
                DocumentsFrom = publishAt,
                DocumentsUntil = At(today.AddDays(14), 17),
                Deadline = At(today.AddDays(35), 9, 30),
            };
            var schedule = new ProcedureSchedule(school.Regime, supervision.Method, false, publishAt, null, entry.DocumentsFrom,
                entry.DocumentsUntil, entry.Deadline);
            var validator = new ScheduleValidator(await timings.ForRegionAsync(school.RegionCode, ct));
            if (validator.Check(schedule).IsPublishable)
            {
                var scheduled = New(school, AnnouncementKind.TenderNotice, $"{school.Name}监理招标公告");
                Content(scheduled, "教学楼建设工程施工阶段及保修阶段的全过程监理。", "监理服务期约 450 日历天。",
                    "具备住房和城乡建设主管部门核发的房屋建筑工程监理乙级及以上资质；拟派总监理工程师具备注册监理工程师执业资格。", false, school);
                scheduled.Lots.Add(entry);
                supervision.Plan(schedule, "agency");
                scheduled.Schedule(publishAt);
                db.Announcements.Add(scheduled);
                drafts.Add(Draft("trading.announcement.scheduled", scheduled));
            }
        }

        if (await InvitationAsync(school, ct) is { } invitation)
        {
            drafts.Add(Draft("trading.announcement.published", invitation));
        }

        await ledger.SaveChangesAsync(db, drafts, ct);
    }

    // 室外附属工程 by invited tender: an invitation to the three demo entities other than the tenderer and the agency.
    private async Task<Announcement?> InvitationAsync(Project school, CancellationToken ct)
    {
        var keys = new[] { "bidder1", "bidder2", "shunda" };
        var codes = DemoAccounts.Organizations.Where(o => keys.Contains(o.Key)).Select(o => o.CreditCode).ToList();
        var invitees = await platform.Organizations.AsNoTracking().Where(o => o.CreditCode != null && codes.Contains(o.CreditCode))
            .OrderBy(o => o.CreditCode).ToListAsync(ct);
        if (invitees.Count < 3)
        {
            return null;
        }

        var number = school.Lots.Max(l => l.Number) + 1;
        var lot = new Lot
        {
            Id = Guid.CreateVersion7(),
            ProjectId = school.Id,
            Number = number,
            TradeCode = TradeCodes.ForLot(school.TradeCode, number),
            Name = "室外附属工程",
            EstimatedAmount = 2_600_000m,
            Method = ProcurementMethod.InvitedTender,
        };
        var today = clock.Today();
        var at = At(today.AddDays(-1), 9);
        var schedule = new ProcedureSchedule(school.Regime, lot.Method, false, at, null, At(today.AddDays(1), 9),
            At(today.AddDays(12), 17), At(today.AddDays(30), 9, 30), invitees.Count);
        var validator = new ScheduleValidator(await timings.ForRegionAsync(school.RegionCode, ct));
        if (!validator.Check(schedule).IsPublishable)
        {
            return null;
        }

        db.Lots.Add(lot);
        lot.Plan(schedule, "agency");
        var procedure = lot.Procedure(school.Regime)!;
        procedure.Publish(validator, at);
        lot.Record(procedure, "agency");

        var a = New(school, AnnouncementKind.Invitation, $"{school.Name}室外附属工程投标邀请书");
        Content(a, "校园道路、围墙、绿化及室外管网工程施工。", "室外道路约 3,200 平方米，围墙约 680 米。",
            "具备市政公用工程施工总承包三级及以上资质，具有有效的安全生产许可证。", false, school);
        a.Lots.Add(new AnnouncementLot
        {
            AnnouncementId = a.Id,
            LotId = lot.Id,
            LotNumber = lot.Number,
            LotName = lot.Name,
            LotTradeCode = lot.TradeCode,
            EstimatedAmount = lot.EstimatedAmount,
            DocumentsFrom = schedule.DocumentsFrom,
            DocumentsUntil = schedule.DocumentsUntil,
            Deadline = schedule.Deadline,
        });
        a.Invitees.AddRange(invitees.Select(o => new AnnouncementInvitee { AnnouncementId = a.Id, CreditCode = o.CreditCode!, Name = o.Name, OrganizationId = o.Id }));
        a.MarkPublished(at, "agency");
        db.Announcements.Add(a);
        return a;
    }

    private Announcement Published(Project project, AnnouncementKind kind, string title, Lot lot, string scope, string scale, string qualifications, bool consortium)
    {
        var a = New(project, kind, title);
        Content(a, scope, scale, qualifications, consortium, project);
        a.Lots.Add(new AnnouncementLot
        {
            AnnouncementId = a.Id,
            LotId = lot.Id,
            LotNumber = lot.Number,
            LotName = lot.Name,
            LotTradeCode = lot.TradeCode,
            EstimatedAmount = lot.EstimatedAmount,
            AnnouncementEndsAt = lot.AnnouncementEndsAt,
            DocumentsFrom = lot.DocumentsFrom!.Value,
            DocumentsUntil = lot.DocumentsUntil!.Value,
            Deadline = lot.Deadline!.Value,
        });
        a.MarkPublished(lot.AnnouncedAt!.Value, "agency");
        db.Announcements.Add(a);
        return a;
    }

    private Announcement New(Project project, AnnouncementKind kind, string title) => new()
    {
        Id = Guid.CreateVersion7(),
        ProjectId = project.Id,
        Kind = kind,
        Title = title,
        ProjectName = project.Name,
        ProjectTradeCode = project.TradeCode,
        RegionCode = project.RegionCode,
        Sector = project.Sector,
        TendererName = project.TendererName,
        AgencyName = project.AgencyName,
        CreatedAt = clock.GetUtcNow(),
        CreatedBy = project.AgencyName is null ? "tenderer" : "agency",
    };

    private static void Content(Announcement a, string scope, string scale, string qualifications, bool consortium, Project project)
    {
        a.Scope = scope;
        a.Scale = scale;
        a.Funding = project.FundingSource + "，已落实。";
        a.Qualifications = qualifications;
        a.ConsortiumAccepted = consortium;
        a.DocumentsMethod = "在文件发售（提供）期间登录本平台免费下载电子文件。";
        a.SubmissionMethod = "在投标截止时间前通过本平台递交加密的电子投标文件，逾期送达的不予受理。";
        a.PlatformAddress = PlatformAddress;
        a.Contacts = $"招标人（采购人）：{project.TendererName}，联系人：王先生，电话：0990-2345601"
            + (project.AgencyName is { } agency ? $"；代理机构：{agency}，联系人：李女士，电话：0990-2345678" : "");
    }

    private static LedgerDraft Draft(string type, Announcement a) => new(type, $"announcement:{a.Id}", new
    {
        announcement = a.Id,
        kind = a.Kind.ToString(),
        a.Title,
        project = a.ProjectTradeCode,
        amends = a.AmendsId,
        a.PublishAt,
        a.PublishedAt,
        lots = a.Lots.Select(l => l.LotTradeCode),
        demo = true,
    });

    private static DateTimeOffset At(DateOnly day, int hour, int minute = 0) =>
        ChinaTime.StartOfDay(day).AddHours(hour).AddMinutes(minute);
}
