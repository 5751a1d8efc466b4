using System.Security.Claims;
using Ggzy.Credit.Contracts;
using Ggzy.Platform.Blobs;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Rules;
using Ggzy.Platform.Time;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Announcements;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Features.Announcements;

/// <summary>
/// Composes, previews, publishes (now or at a set time) and amends announcements; a published one never changes
/// (ADR 0014). Publishing moves every covered lot Draft → Announced in the same transaction as the Ledger entry; a
/// schedule that breaks a statutory timing refuses the whole publication and nothing changes.
/// </summary>
internal sealed class AnnouncementService(
    TradingDbContext db, StatutoryTimingSource timings, LedgerWriter ledger, TimeProvider clock, IServiceProvider services,
    IBlobStore blobs) : IAnnouncements
{
    public const long MaxAttachment = 20 * 1024 * 1024;

    public async Task<IReadOnlyList<RunProjectSummary>> MineAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        if (user.OrganizationId is not { } org)
        {
            return [];
        }

        var projects = await db.Projects.AsNoTracking().Include(p => p.Lots)
            .Where(p => p.TendererId == org || p.AgencyId == org).OrderByDescending(p => p.RegisteredAt).ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var announcements = await db.Announcements.AsNoTracking().Include(a => a.Lots)
            .Where(a => ids.Contains(a.ProjectId)).OrderByDescending(a => a.CreatedAt).ToListAsync(ct);
        return [.. projects.Select(p => new RunProjectSummary(p.Id, p.Name, p.TradeCode, p.IsAccepted,
            p.Lots.Count(l => l.State == LotState.Draft),
            [.. announcements.Where(a => a.ProjectId == p.Id).Select(Summary)]))];
    }

    public async Task<ComposerContext> ComposerAsync(ClaimsPrincipal principal, Guid projectId, Guid? announcementId, CancellationToken ct)
    {
        var project = await RunAsync(principal, projectId, tracked: false, ct);
        var busy = await BusyLotsAsync(announcementId, ct);
        return new ComposerContext(project.Id, project.Name, project.TradeCode, RegimeName(project.Regime), project.Sector,
            project.TendererName, project.AgencyName, project.FundingSource,
            [.. project.Lots.Where(l => l.State == LotState.Draft && !busy.ContainsKey(l.Id)).OrderBy(l => l.Number)
                .Select(l => new ComposableLot(l.Id, l.Number, l.Name, l.TradeCode, l.EstimatedAmount, MethodName(l.Method),
                    l.Method == ProcurementMethod.InvitedTender, l.Prequalification))]);
    }

    public async Task<ComposeAnnouncementInput> InputAsync(ClaimsPrincipal principal, Guid id, CancellationToken ct)
    {
        var a = await LoadAsync(id, tracked: false, ct);
        await RunAsync(principal, a.ProjectId, tracked: false, ct);
        return new ComposeAnnouncementInput
        {
            ProjectId = a.ProjectId,
            Kind = a.Kind,
            Title = a.Title,
            Scope = a.Scope,
            Scale = a.Scale,
            Funding = a.Funding,
            Qualifications = a.Qualifications,
            ConsortiumAccepted = a.ConsortiumAccepted,
            DocumentsMethod = a.DocumentsMethod,
            SubmissionMethod = a.SubmissionMethod,
            PlatformAddress = a.PlatformAddress,
            Contacts = a.Contacts,
            PublishAt = Local(a.PublishAt),
            Invitees = string.Join('\n', a.Invitees.Select(i => i.CreditCode)),
            Lots =
            [
                .. a.Lots.Select(l => new AnnouncementLotInput
                {
                    LotId = l.LotId,
                    Include = true,
                    AnnouncementEndsAt = Local(l.AnnouncementEndsAt),
                    DocumentsFrom = Local(l.DocumentsFrom),
                    DocumentsUntil = Local(l.DocumentsUntil),
                    Deadline = Local(l.Deadline),
                }),
            ],
        };
    }

    public async Task<Guid> ComposeAsync(ClaimsPrincipal principal, ComposeAnnouncementInput input, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var project = await RunAsync(principal, input.ProjectId, tracked: true, ct);
        if (!AnnouncementNames.Composable.Contains(input.Kind))
        {
            throw Invalid(nameof(input.Kind), "请选择公告类型：招标公告、采购公告、资格预审公告或投标邀请书。");
        }

        var a = new Announcement
        {
            Id = Guid.CreateVersion7(),
            ProjectId = project.Id,
            Kind = input.Kind,
            Title = input.Title?.Trim() ?? "",
            ProjectName = project.Name,
            ProjectTradeCode = project.TradeCode,
            RegionCode = project.RegionCode,
            Sector = project.Sector,
            TendererName = project.TendererName,
            AgencyName = project.AgencyName,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = user.UserName,
        };
        await ApplyAsync(a, project, input, user, ct);
        db.Announcements.Add(a);
        await SaveAsync(new LedgerDraft("trading.announcement.drafted", Subject(a), Payload(a)), ct);
        return a.Id;
    }

    public async Task UpdateAsync(ClaimsPrincipal principal, Guid id, ComposeAnnouncementInput input, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var a = await LoadAsync(id, tracked: true, ct);
        var project = await RunAsync(principal, a.ProjectId, tracked: true, ct);
        a.EnsureEditable();
        if (a.IsAmendment)
        {
            throw new BusinessRuleException("更正公告请在其页面修改更正内容和理由。");
        }

        a.Title = input.Title?.Trim() ?? "";
        await ApplyAsync(a, project, input, user, ct);
        a.Touch();
        await SaveAsync(new LedgerDraft("trading.announcement.revised", Subject(a), Payload(a)), ct);
    }

    public async Task<AnnouncementPreview> PreviewAsync(ClaimsPrincipal principal, Guid id, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var a = await LoadAsync(id, tracked: false, ct);
        var project = await db.Projects.AsNoTracking().Include(p => p.Lots).SingleAsync(p => p.Id == a.ProjectId, ct);
        var invited = user.OrganizationId is { } org && a.Kind == AnnouncementKind.Invitation && a.Status == AnnouncementStatus.Published
            && a.Invitees.Any(i => i.OrganizationId == org);
        if (!user.MayRead(project) && !invited)
        {
            throw new ForbiddenException(a.Kind == AnnouncementKind.Invitation ? AnnouncementErrors.NotInvitee : AnnouncementErrors.NotYourProject);
        }

        var problems = a.Status == AnnouncementStatus.Published ? [] : await ProblemsAsync(a, project, ct);
        var view = await ViewAsync(a, publicOnly: false, ct);
        if (a.Kind == AnnouncementKind.Invitation && !user.RunsProject(project))
        {
            await ledger.SaveChangesAsync(db, new LedgerDraft("trading.invitation.read", Subject(a), new { announcement = a.Id, reader = user.UserName }), ct);
        }

        return new AnnouncementPreview(view, problems, user.RunsProject(project));
    }

    public async Task<AnnouncementStatus> PublishAsync(ClaimsPrincipal principal, Guid id, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var a = await LoadAsync(id, tracked: true, ct);
        var project = await RunAsync(principal, a.ProjectId, tracked: true, ct);
        a.EnsureEditable();
        var problems = await ProblemsAsync(a, project, ct);
        if (problems.Count > 0)
        {
            throw new InputValidationException(problems.GroupBy(p => p.Field, StringComparer.Ordinal).ToDictionary(
                g => g.Key, g => g.Select(p => p.Lot is null ? p.Message : $"{p.Lot}：{p.Message}").ToArray(), StringComparer.Ordinal));
        }

        var now = clock.GetUtcNow();
        if (a.PublishAt is { } at && at > now)
        {
            var validator = new ScheduleValidator(await timings.ForRegionAsync(project.RegionCode, ct));
            var drawn = await DrawnAsync(a.Id, ct);
            foreach (var (lot, entry) in Pairs(a, project))
            {
                lot.Plan(ScheduleOf(project, lot, entry, at, a, drawn), user.UserName);
                validator.Check(lot.Schedule(project.Regime)!).ThrowIfNotPublishable();
            }

            a.Schedule(at);
            await SaveAsync(new LedgerDraft("trading.announcement.scheduled", Subject(a), Payload(a)), ct);
            return AnnouncementStatus.Scheduled;
        }

        await PublishCoreAsync(a, project, now, user.UserName, ct);
        await SaveAsync(new LedgerDraft("trading.announcement.published", Subject(a), Payload(a)), ct);
        return AnnouncementStatus.Published;
    }

    /// <summary>Publishes a due announcement at <paramref name="at"/>: every lot Draft → Announced; nothing saved here.</summary>
    internal async Task PublishCoreAsync(Announcement a, Project project, DateTimeOffset at, string actor, CancellationToken ct)
    {
        var validator = new ScheduleValidator(await timings.ForRegionAsync(project.RegionCode, ct));
        var drawn = await DrawnAsync(a.Id, ct);
        foreach (var (lot, entry) in Pairs(a, project))
        {
            lot.Plan(ScheduleOf(project, lot, entry, at, a, drawn), actor);
            var procedure = lot.Procedure(project.Regime)!;
            procedure.Publish(validator, at);
            lot.Record(procedure, actor);
        }

        a.MarkPublished(at, actor);
    }

    /// <summary>The clock's publication of a scheduled announcement whose time has come.</summary>
    internal async Task<bool> PublishDueAsync(Guid id, CancellationToken ct)
    {
        var a = await LoadAsync(id, tracked: true, ct);
        if (a.Status != AnnouncementStatus.Scheduled || a.PublishAt is not { } at || at > clock.GetUtcNow())
        {
            return false;
        }

        var project = await db.Projects.Include(p => p.Lots).SingleAsync(p => p.Id == a.ProjectId, ct);
        await PublishCoreAsync(a, project, at, Procedures.ProcedureClock.Actor, ct);
        await SaveAsync(new LedgerDraft("trading.announcement.published", Subject(a), Payload(a)), ct);
        return true;
    }

    public async Task UnscheduleAsync(ClaimsPrincipal principal, Guid id, CancellationToken ct)
    {
        var a = await LoadAsync(id, tracked: true, ct);
        await RunAsync(principal, a.ProjectId, tracked: false, ct);
        a.Unschedule(clock.GetUtcNow());
        await SaveAsync(new LedgerDraft("trading.announcement.unscheduled", Subject(a), new { announcement = a.Id }), ct);
    }

    public async Task<Guid> AmendAsync(ClaimsPrincipal principal, Guid id, AmendAnnouncementInput input, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var original = await LoadAsync(id, tracked: false, ct);
        await RunAsync(principal, original.ProjectId, tracked: false, ct);
        if (original.Status != AnnouncementStatus.Published)
        {
            throw new BusinessRuleException(AnnouncementErrors.AmendOnlyPublished, AnnouncementErrors.Amendment);
        }

        if (original.IsAmendment || original.Kind is AnnouncementKind.Invitation or AnnouncementKind.Termination)
        {
            throw new BusinessRuleException(original.IsAmendment ? AnnouncementErrors.AmendAmendment
                : original.Kind == AnnouncementKind.Termination ? "终止公告随终止招标由平台发布，不能更正。"
                : "投标邀请书的变更请以书面形式通知全部被邀请对象，不发布更正公告。", AnnouncementErrors.Amendment);
        }

        var a = new Announcement
        {
            Id = Guid.CreateVersion7(),
            ProjectId = original.ProjectId,
            Kind = AnnouncementKind.Amendment,
            Title = string.IsNullOrWhiteSpace(input.Title) ? $"{original.Title}（更正公告）" : input.Title.Trim(),
            ProjectName = original.ProjectName,
            ProjectTradeCode = original.ProjectTradeCode,
            RegionCode = original.RegionCode,
            Sector = original.Sector,
            TendererName = original.TendererName,
            AgencyName = original.AgencyName,
            AmendsId = original.Id,
            Changes = input.Changes?.Trim(),
            ChangeReason = input.ChangeReason?.Trim(),
            PublishAt = Utc(input.PublishAt),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = user.UserName,
        };
        var errors = AnnouncementContent.Check(a, original.Sector == CatalogNames.GovernmentProcurement ? Regime.Procurement : Regime.Tender);
        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        db.Announcements.Add(a);
        await SaveAsync(new LedgerDraft("trading.announcement.amendment-drafted", Subject(a), Payload(a)), ct);
        return a.Id;
    }

    public async Task AttachAsync(ClaimsPrincipal principal, Guid id, string fileName, string contentType, Stream content, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var a = await LoadAsync(id, tracked: true, ct);
        await RunAsync(principal, a.ProjectId, tracked: false, ct);
        a.EnsureEditable();
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length is 0 or > 200)
        {
            throw Invalid("File", "请选择要上传的附件（文件名不超过 200 字）。");
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length is 0 or > MaxAttachment)
        {
            throw Invalid("File", "附件不能为空，且不超过 20 MB。");
        }

        buffer.Position = 0;
        var blob = await blobs.PutAsync(buffer, ct);
        var file = new AnnouncementAttachment
        {
            Id = Guid.CreateVersion7(),
            AnnouncementId = a.Id,
            FileName = name,
            ContentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType.Trim()[..Math.Min(100, contentType.Trim().Length)],
            Size = buffer.Length,
            Digest = blob.Value,
            UploadedAt = clock.GetUtcNow(),
            UploadedBy = user.UserName,
        };
        db.AnnouncementAttachments.Add(file);
        a.Touch();
        await SaveAsync(new LedgerDraft("trading.announcement.attached", Subject(a), new { file.FileName, file.Size, file.Digest }), ct);
    }

    public async Task DrawInviteesAsync(ClaimsPrincipal principal, Guid id, DrawInviteesInput input, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var a = await LoadAsync(id, tracked: true, ct);
        var project = await RunAsync(principal, a.ProjectId, tracked: false, ct);
        a.EnsureEditable();
        if (a.Kind != AnnouncementKind.Invitation || project.Regime != Regime.Procurement)
        {
            throw new BusinessRuleException(AnnouncementErrors.DrawOnlyProcurement, AnnouncementErrors.Invitation);
        }

        if (await db.InviteeDraws.AnyAsync(d => d.AnnouncementId == a.Id, ct))
        {
            throw new BusinessRuleException("本邀请已完成随机抽取，抽取结果和书面记录不得更改。", AnnouncementErrors.Invitation);
        }

        var timing = await timings.ForRegionAsync(project.RegionCode, ct);
        var minimum = StatutoryTiming.Whole(timing.Rule(StatutoryRules.ProcurementInvitees));
        var witnesses = Split(input.Witnesses).ToList();
        var candidates = await InviteesAsync(Split(input.Candidates), nameof(input.Candidates), ct);
        var errors = InviteeDrawing.Check(candidates.Count, input.Count, minimum, witnesses.Count);
        if (string.Join("、", witnesses).Length > 200)
        {
            errors[nameof(input.Witnesses)] = [AnnouncementErrors.DrawWitnesses];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        var drawn = InviteeDrawing.Draw(candidates, input.Count);
        a.Invitees.Clear();
        a.Invitees.AddRange(drawn.Select(c => new AnnouncementInvitee { AnnouncementId = a.Id, CreditCode = c.CreditCode, Name = c.LegalName, OrganizationId = c.OrganizationId }));
        var now = clock.GetUtcNow();
        var record = new InviteeDraw
        {
            Id = Guid.CreateVersion7(),
            AnnouncementId = a.Id,
            Candidates = string.Join('\n', candidates.Select(c => $"{c.CreditCode} {c.LegalName}")),
            Count = input.Count,
            Drawn = string.Join('\n', drawn.Select(c => $"{c.CreditCode} {c.LegalName}")),
            Witnesses = string.Join("、", witnesses),
            At = now,
            By = user.UserName,
        };
        db.InviteeDraws.Add(record);
        a.Touch();
        await SaveAsync(new LedgerDraft("trading.invitation.invitees-drawn", Subject(a), new
        {
            announcement = a.Id,
            candidates = candidates.Select(c => c.CreditCode),
            count = input.Count,
            drawn = drawn.Select(c => c.CreditCode),
            witnesses,
            at = now,
            by = user.UserName,
        }), ct);
    }

    public async Task<IReadOnlyList<AnnouncementSummary>> InvitationsAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        if (user.OrganizationId is not { } org)
        {
            return [];
        }

        var list = await db.Announcements.AsNoTracking().Include(a => a.Lots)
            .Where(a => a.Kind == AnnouncementKind.Invitation && a.Status == AnnouncementStatus.Published && a.Invitees.Any(i => i.OrganizationId == org))
            .OrderByDescending(a => a.PublishedAt).ToListAsync(ct);
        return [.. list.Select(Summary)];
    }

    internal async Task<Announcement> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var query = db.Announcements.Include(a => a.Lots).Include(a => a.Invitees).Include(a => a.Attachments).AsSplitQuery();
        return await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException(AnnouncementErrors.NotFound);
    }

    internal async Task<AnnouncementView> ViewAsync(Announcement a, bool publicOnly, CancellationToken ct)
    {
        var lotIds = a.Lots.Select(l => l.LotId).ToList();
        var lots = await db.Lots.AsNoTracking().Where(l => lotIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        AnnouncementLink? amends = null;
        if (a.AmendsId is { } originalId)
        {
            amends = await db.Announcements.AsNoTracking().Where(o => o.Id == originalId)
                .Select(o => new AnnouncementLink(o.Id, o.Title, o.PublishedAt)).SingleOrDefaultAsync(ct);
        }

        var amendments = await db.Announcements.AsNoTracking()
            .Where(x => x.AmendsId == a.Id && (!publicOnly || x.Status == AnnouncementStatus.Published))
            .OrderBy(x => x.CreatedAt).Select(x => new AnnouncementLink(x.Id, x.Title, x.PublishedAt)).ToListAsync(ct);
        var draw = await db.InviteeDraws.AsNoTracking().Where(d => d.AnnouncementId == a.Id).SingleOrDefaultAsync(ct);
        return new AnnouncementView(a.Id, a.ProjectId, a.Kind, a.Status, a.Title, a.ProjectName, a.ProjectTradeCode, a.RegionCode,
            a.Sector, a.TendererName, a.AgencyName, a.Scope, a.Scale, a.Funding, a.Qualifications, a.ConsortiumAccepted,
            a.DocumentsMethod, a.SubmissionMethod, a.PlatformAddress, a.Contacts, a.Changes, a.ChangeReason, a.PublishAt,
            a.PublishedAt, a.CreatedBy, amends, amendments,
            [
                .. a.Lots.OrderBy(l => l.LotNumber).Select(l => new AnnouncementLotView(l.LotId, l.LotNumber, l.LotName, l.LotTradeCode,
                    l.EstimatedAmount, lots.TryGetValue(l.LotId, out var lot) ? MethodName(lot.Method) : "",
                    lot?.Prequalification ?? false, l.AnnouncementEndsAt, l.DocumentsFrom, l.DocumentsUntil, l.Deadline)),
            ],
            [.. a.Attachments.OrderBy(f => f.UploadedAt).Select(f => new AnnouncementAttachmentView(f.Id, f.FileName, f.ContentType, f.Size, f.Digest))],
            publicOnly ? [] : [.. a.Invitees.OrderBy(i => i.CreditCode, StringComparer.Ordinal).Select(i => new InviteeView(i.CreditCode, i.Name))],
            publicOnly || draw is null ? null : new InviteeDrawView(draw.Candidates.Split('\n'), draw.Count, draw.Drawn.Split('\n'), draw.Witnesses, draw.At, draw.By));
    }

    internal static AnnouncementSummary Summary(Announcement a) => new(a.Id, a.Kind, a.Status, a.Title, a.ProjectName, a.RegionCode,
        a.Sector, a.PublishAt, a.PublishedAt, [.. a.Lots.OrderBy(l => l.LotNumber).Select(l => l.LotTradeCode)]);

    public static string MethodName(ProcurementMethod method) => method switch
    {
        ProcurementMethod.OpenTender => "公开招标",
        ProcurementMethod.InvitedTender => "邀请招标",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    public static string RegimeName(Regime regime) => regime == Regime.Procurement ? "政府采购" : "工程建设招标投标";

    private async Task ApplyAsync(Announcement a, Project project, ComposeAnnouncementInput input, TradingUser user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (input.Kind == AnnouncementKind.TenderNotice && project.Regime != Regime.Tender)
        {
            errors[nameof(input.Kind)] = ["政府采购项目请选择“采购公告”（依据：" + AnnouncementErrors.ProcurementContent + "）。"];
        }
        else if (input.Kind == AnnouncementKind.ProcurementNotice && project.Regime != Regime.Procurement)
        {
            errors[nameof(input.Kind)] = ["工程建设项目请选择“招标公告”（依据：" + AnnouncementErrors.TenderContent + "）。"];
        }

        a.Scope = Trim(input.Scope);
        a.Scale = Trim(input.Scale);
        a.Funding = Trim(input.Funding);
        a.Qualifications = Trim(input.Qualifications);
        a.ConsortiumAccepted = input.ConsortiumAccepted;
        a.DocumentsMethod = Trim(input.DocumentsMethod);
        a.SubmissionMethod = Trim(input.SubmissionMethod);
        a.PlatformAddress = Trim(input.PlatformAddress);
        a.Contacts = Trim(input.Contacts);
        a.PublishAt = Utc(input.PublishAt);
        if (a.PublishAt is { } at && at <= clock.GetUtcNow())
        {
            errors[nameof(input.PublishAt)] = [AnnouncementErrors.PublishAtPast];
        }

        // Only the lengths refuse a draft; missing content shows in the preview and stops publication.
        foreach (var (field, messages) in AnnouncementContent.Check(a, project.Regime))
        {
            if (messages.Any(m => m.Contains("不超过", StringComparison.Ordinal)))
            {
                errors[field] = messages;
            }
        }

        var busy = await BusyLotsAsync(a.Id, ct);
        var chosen = input.Lots.Where(l => l.Include).ToList();
        var lots = new List<AnnouncementLot>();
        for (var i = 0; i < chosen.Count; i++)
        {
            var entry = chosen[i];
            var lot = project.Lots.SingleOrDefault(l => l.Id == entry.LotId);
            var key = $"Lots[{input.Lots.IndexOf(entry)}]";
            if (lot is null)
            {
                errors[key] = [AnnouncementErrors.LotNotFound];
                continue;
            }

            if (lot.State != LotState.Draft)
            {
                errors[key] = [AnnouncementErrors.LotNotDraft(lot.Name, lot.State.Label())];
                continue;
            }

            if (busy.TryGetValue(lot.Id, out var other))
            {
                errors[key] = [AnnouncementErrors.LotInOtherAnnouncement(lot.Name, other)];
                continue;
            }

            var invited = lot.Method == ProcurementMethod.InvitedTender;
            if ((input.Kind == AnnouncementKind.Invitation) != invited && !(input.Kind == AnnouncementKind.PrequalificationNotice && invited))
            {
                errors[key] = [AnnouncementErrors.LotMethodMismatch(lot.Name, MethodName(lot.Method))];
                continue;
            }

            var dates = new (string Field, DateTime? Value, string Name)[]
            {
                (nameof(entry.DocumentsFrom), entry.DocumentsFrom, "文件发售（提供）开始时间"),
                (nameof(entry.DocumentsUntil), entry.DocumentsUntil, "文件发售（提供）截止时间"),
                (nameof(entry.Deadline), entry.Deadline, input.Kind == AnnouncementKind.PrequalificationNotice ? "提交资格预审申请文件截止时间" : "投标截止时间"),
            };
            foreach (var (field, value, name) in dates.Where(d => d.Value is null))
            {
                errors[$"{key}.{field}"] = [$"请填写标段（包）“{lot.Name}”的{name}（北京时间）。"];
            }

            if (dates.Any(d => d.Value is null))
            {
                continue;
            }

            lot.Prequalification = input.Kind == AnnouncementKind.PrequalificationNotice;
            lots.Add(new AnnouncementLot
            {
                AnnouncementId = a.Id,
                LotId = lot.Id,
                LotNumber = lot.Number,
                LotName = lot.Name,
                LotTradeCode = lot.TradeCode,
                EstimatedAmount = lot.EstimatedAmount,
                AnnouncementEndsAt = Utc(entry.AnnouncementEndsAt),
                DocumentsFrom = Utc(entry.DocumentsFrom)!.Value,
                DocumentsUntil = Utc(entry.DocumentsUntil)!.Value,
                Deadline = Utc(entry.Deadline)!.Value,
            });
        }

        if (chosen.Count == 0)
        {
            errors[nameof(input.Lots)] = [AnnouncementErrors.NoLots];
        }

        List<MarketEntityInfo> invitees = [];
        if (input.Kind == AnnouncementKind.Invitation && project.Regime == Regime.Tender)
        {
            try
            {
                invitees = await InviteesAsync(Split(input.Invitees), nameof(input.Invitees), ct);
            }
            catch (InputValidationException invalid)
            {
                foreach (var (field, messages) in invalid.Errors)
                {
                    errors[field] = messages;
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        a.Lots.Clear();
        a.Lots.AddRange(lots);
        if (input.Kind == AnnouncementKind.Invitation && project.Regime == Regime.Tender)
        {
            a.Invitees.Clear();
            a.Invitees.AddRange(invitees.Select(c => new AnnouncementInvitee { AnnouncementId = a.Id, CreditCode = c.CreditCode, Name = c.LegalName, OrganizationId = c.OrganizationId }));
        }

        var announcedAt = a.PublishAt ?? clock.GetUtcNow();
        var drawn = await DrawnAsync(a.Id, ct);
        foreach (var (lot, entry) in Pairs(a, project))
        {
            lot.Plan(ScheduleOf(project, lot, entry, announcedAt, a, drawn), user.UserName);
        }
    }

    private async Task<List<MarketEntityInfo>> InviteesAsync(IEnumerable<string> codes, string field, CancellationToken ct)
    {
        // Resolved only when invitees are named: the registry brings the account services with it.
        var entities = services.GetRequiredService<IMarketEntities>();
        var found = new List<MarketEntityInfo>();
        var problems = new List<string>();
        foreach (var code in codes)
        {
            var entity = await entities.FindByCreditCodeAsync(code, ct);
            if (entity is null)
            {
                problems.Add(AnnouncementErrors.InviteeUnknown(code));
            }
            else if (found.Any(f => f.Id == entity.Id))
            {
                problems.Add(AnnouncementErrors.InviteeDuplicate(code));
            }
            else
            {
                found.Add(entity);
            }
        }

        return problems.Count > 0 ? throw Invalid(field, string.Concat(problems)) : found;
    }

    private async Task<List<PublicationProblem>> ProblemsAsync(Announcement a, Project project, CancellationToken ct)
    {
        var problems = AnnouncementContent.Check(a, project.Regime)
            .SelectMany(e => e.Value.Select(m => new PublicationProblem(null, e.Key, m, null))).ToList();
        if (a.IsAmendment)
        {
            return problems;
        }

        var validator = new ScheduleValidator(await timings.ForRegionAsync(project.RegionCode, ct));
        var at = a.PublishAt is { } set && set > clock.GetUtcNow() ? set : clock.GetUtcNow();
        var drawn = await DrawnAsync(a.Id, ct);
        foreach (var (lot, entry) in Pairs(a, project))
        {
            if (lot.State != LotState.Draft)
            {
                problems.Add(new PublicationProblem(lot.Name, "Lots", AnnouncementErrors.LotNotDraft(lot.Name, lot.State.Label()), null));
                continue;
            }

            foreach (var v in validator.Check(ScheduleOf(project, lot, entry, at, a, drawn)).Violations)
            {
                problems.Add(new PublicationProblem($"{lot.Number} 标段（包）{lot.Name}", v.Field, v.Message, v.Citation));
            }
        }

        return problems;
    }

    private static IEnumerable<(Lot Lot, AnnouncementLot Entry)> Pairs(Announcement a, Project project) =>
        a.Lots.OrderBy(l => l.LotNumber).Select(e => (project.Lots.Single(l => l.Id == e.LotId), e));

    private static ProcedureSchedule ScheduleOf(Project project, Lot lot, AnnouncementLot entry, DateTimeOffset announcedAt, Announcement a, bool drawn)
    {
        var invited = lot.Method == ProcurementMethod.InvitedTender;
        return new ProcedureSchedule(project.Regime, lot.Method, a.Kind == AnnouncementKind.PrequalificationNotice, announcedAt,
            entry.AnnouncementEndsAt, entry.DocumentsFrom, entry.DocumentsUntil, entry.Deadline, invited ? a.Invitees.Count : null,
            invited && project.Regime == Regime.Procurement && drawn);
    }

    private Task<bool> DrawnAsync(Guid announcementId, CancellationToken ct) =>
        db.InviteeDraws.AsNoTracking().AnyAsync(d => d.AnnouncementId == announcementId, ct);

    // Lots listed in a draft or scheduled announcement other than `except`, with that announcement's title.
    private async Task<Dictionary<Guid, string>> BusyLotsAsync(Guid? except, CancellationToken ct) =>
        (await db.AnnouncementLots.AsNoTracking()
            .Join(db.Announcements.AsNoTracking(), l => l.AnnouncementId, a => a.Id, (l, a) => new { l.LotId, a.Id, a.Title, a.Status })
            .Where(x => x.Status != AnnouncementStatus.Published && x.Id != except)
            .ToListAsync(ct))
        .GroupBy(x => x.LotId).ToDictionary(g => g.Key, g => g.First().Title);

    private async Task<Project> RunAsync(ClaimsPrincipal principal, Guid projectId, bool tracked, CancellationToken ct)
    {
        var query = db.Projects.Include(p => p.Lots);
        var project = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(p => p.Id == projectId, ct)
            ?? throw new NotFoundException("没有找到该项目。");
        if (!TradingUser.From(principal).RunsProject(project))
        {
            throw new ForbiddenException(AnnouncementErrors.NotYourProject);
        }

        return project.IsAccepted ? project : throw new BusinessRuleException(AnnouncementErrors.ProjectNotAccepted, AnnouncementErrors.Accepted);
    }

    private async Task SaveAsync(LedgerDraft draft, CancellationToken ct)
    {
        try
        {
            await ledger.SaveChangesAsync(db, draft, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new BusinessRuleException("该公告或标段刚被其他操作更新（如已到时自动发布），请刷新页面后重试。");
        }
    }

    private static string Subject(Announcement a) => $"announcement:{a.Id}";

    private static object Payload(Announcement a) => new
    {
        announcement = a.Id,
        kind = a.Kind.ToString(),
        status = a.Status.ToString(),
        a.Title,
        project = a.ProjectTradeCode,
        amends = a.AmendsId,
        a.PublishAt,
        a.PublishedAt,
        lots = a.Lots.Select(l => new { l.LotTradeCode, l.AnnouncementEndsAt, l.DocumentsFrom, l.DocumentsUntil, l.Deadline }),
        invitees = a.Invitees.Select(i => i.CreditCode),
    };

    private static InputValidationException Invalid(string field, string message) =>
        new(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    private static IEnumerable<string> Split(string? text) =>
        (text ?? "").Split([',', '，', '、', '\n', '\r', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase);

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static DateTimeOffset? Utc(DateTime? local) => local is { } t
        ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Unspecified), ChinaTime.Offset).ToUniversalTime()
        : null;

    public static DateTime? Local(DateTimeOffset? utc) => utc?.ToOffset(ChinaTime.Offset).DateTime;
}
