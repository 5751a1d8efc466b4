using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Ggzy.Credit.Contracts;
using Ggzy.Platform.Blobs;
using Ggzy.Platform.Data;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Time;
using Ggzy.Sealing;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Documents;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ggzy.Trading.Features.Documents;

/// <summary>
/// Tender documents, downloads, clarifications and objections of a lot (ADR 0015). A download is logged with the lot,
/// the organisation, its credit code, the account, the instant and the file's digest; the Ledger gets only a seal of
/// that record (no lot, no organisation, no actor), so that nobody learns who or how many downloaded before the
/// deadline (20号令 第二十一条); after it, the log is shown to those who run the project, the center and the authorities.
/// </summary>
internal sealed class LotDocumentService(
    TradingDbContext db,
    PlatformDbContext platform,
    IBlobStore blobs,
    ICreditStanding credit,
    StatutoryTimingSource timings,
    LedgerWriter ledger,
    TimeProvider clock,
    IOptions<DocumentUploadOptions> options) : ILotDocuments
{

    public async Task<IReadOnlyList<LotSummary>> LotsAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var projects = await db.Projects.AsNoTracking().Include(p => p.Lots)
            .Where(p => p.Status == ProjectStatus.Accepted).ToListAsync(ct);
        return
        [
            .. projects.SelectMany(p => p.Lots.Select(l => (Project: p, Lot: l)))
                .Where(x => x.Lot.State != LotState.Draft || user.RunsProject(x.Project))
                .OrderBy(x => x.Project.RegisteredAt).ThenBy(x => x.Lot.Number)
                .Select(x => new LotSummary(x.Lot.Id, x.Lot.TradeCode, x.Project.Name, x.Lot.Name, x.Lot.State.Label(),
                    x.Lot.State == LotState.DocumentsOnSale, user.RunsProject(x.Project), x.Lot.DocumentsFrom, x.Lot.DocumentsUntil, x.Lot.Deadline)),
        ];
    }

    public async Task<LotDocumentsView> ViewAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var (project, lot) = await ReadableAsync(user, lotId, ct);
        var now = clock.GetUtcNow();
        var files = await db.LotDocuments.AsNoTracking().Where(d => d.LotId == lotId).ToListAsync(ct);
        var clarifications = await db.Clarifications.AsNoTracking().Where(c => c.LotId == lotId).ToListAsync(ct);
        var downloaded = user.OrganizationId is { } org && await db.DocumentDownloads.AnyAsync(d => d.LotId == lotId && d.OrganizationId == org, ct);
        var objections = await VisibleObjectionsAsync(user, db.Objections.Where(o => o.LotId == lotId), [lot], ct);
        var schedule = lot.Schedule(project.Regime);
        var runs = user.RunsProject(project);
        var mayObject = downloaded && !runs && lot.State is LotState.Announced or LotState.DocumentsOnSale or LotState.BiddingOpen or LotState.Paused
            && lot.Deadline is { } d && now < d;

        DownloadLogInfo? log = null;
        string note;
        if (!AfterDeadline(lot, now))
        {
            note = DocumentErrors.SecretBeforeDeadline;
        }
        else if (MayReadLog(user, project))
        {
            log = await LogAsync(lot, ct);
            note = "投标截止时间已过，以下为下载记录（查看记录已记入账本）。";
        }
        else
        {
            note = DocumentErrors.LogNotYours;
        }

        var view = new LotDocumentsView(
            lot.Id, lot.TradeCode, lot.Name, project.Name, project.Regime == Regime.Tender ? "工程招标" : "政府采购", lot.State.Label(),
            DocumentsName(project, lot), schedule?.DeadlineName ?? "投标截止时间", lot.DocumentsFrom, lot.DocumentsUntil, lot.Deadline,
            runs, runs && lot.State is LotState.Draft or LotState.Announced, lot.State == LotState.DocumentsOnSale,
            runs && lot.State is LotState.Announced or LotState.DocumentsOnSale or LotState.BiddingOpen or LotState.Paused && !AfterDeadline(lot, now),
            mayObject, downloaded,
            [.. files.Where(f => f.ClarificationId is null).OrderBy(f => f.UploadedAt).ThenBy(f => f.FileName, StringComparer.Ordinal).Select(Info)],
            [.. clarifications.OrderBy(c => c.Number).Select(c => Info(c, files))],
            objections, log, note);
        if (log is not null)
        {
            await ledger.SaveChangesAsync(db, new LedgerDraft("trading.documents.download-log-read", $"lot:{lot.TradeCode}",
                new { lot = lot.TradeCode, organizations = log.Organizations, downloads = log.Records.Count }), ct);
        }

        return view;
    }

    public async Task<DocumentFileInfo> UploadAsync(ClaimsPrincipal principal, Guid lotId, UploadedFile file, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var (project, lot) = await RunAsync(user, lotId, ct);
        if (lot.State is not (LotState.Draft or LotState.Announced))
        {
            throw new BusinessRuleException(DocumentErrors.UploadClosed, DocumentErrors.NoticeCitation);
        }

        var document = await StoreAsync(user, lot, Kind(project, lot), null, file, ct);
        db.LotDocuments.Add(document);
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.documents.uploaded", $"lot:{lot.TradeCode}", new
        {
            lot = lot.TradeCode,
            kind = document.Kind.ToString(),
            fileName = document.FileName,
            size = document.Size,
            digest = document.Digest,
        }), ct);
        return Info(document);
    }

    public async Task<DocumentContent> DownloadAsync(ClaimsPrincipal principal, Guid lotId, Guid documentId, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var (project, lot) = await ReadableAsync(user, lotId, ct);
        var document = await db.LotDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.LotId == lotId, ct)
            ?? throw new NotFoundException(DocumentErrors.DocumentNotFound);
        var now = clock.GetUtcNow();
        if (!user.MayRead(project))
        {
            var org = await EntityAsync(user, ct);
            var downloadedBefore = await db.DocumentDownloads.AnyAsync(d => d.LotId == lotId && d.OrganizationId == org.Id, ct);
            var clarificationForDownloader = document.ClarificationId is not null && downloadedBefore && !AfterDeadline(lot, now);
            if (lot.State != LotState.DocumentsOnSale && !clarificationForDownloader)
            {
                throw new BusinessRuleException(DocumentErrors.NotOnSale, DocumentErrors.DownloadCitation);
            }

            await credit.EnsureNotDebarredAsync(org.CreditCode!, now, DebarredAction.ObtainTenderDocuments, ct);
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var download = new DocumentDownload
            {
                LotId = lot.Id,
                DocumentId = document.Id,
                OrganizationId = org.Id,
                CreditCode = org.CreditCode!,
                OrganizationName = org.Name,
                UserName = user.UserName,
                At = now,
                Digest = document.Digest,
                Nonce = nonce,
                Seal = "",
            };
            download.Seal = SealOf(download, lot.TradeCode);
            db.DocumentDownloads.Add(download);

            // The entry proves the record existed and is unchanged; it names neither the lot nor the organisation.
            await new LedgerWriter(clock, new WithheldActor()).SaveChangesAsync(db,
                new LedgerDraft("trading.documents.downloaded", $"download:{nonce}", new { seal = download.Seal }), ct);
        }

        var content = await blobs.OpenReadAsync(new BlobId(document.Digest), ct)
            ?? throw new NotFoundException(DocumentErrors.DocumentNotFound);
        return new DocumentContent(document.FileName, document.ContentType, content);
    }

    public async Task<DownloadLogInfo> DownloadLogAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var (project, lot) = await ReadableAsync(user, lotId, ct);
        if (!AfterDeadline(lot, clock.GetUtcNow()))
        {
            throw new ForbiddenException(DocumentErrors.SecretBeforeDeadline);
        }

        if (!MayReadLog(user, project))
        {
            throw new ForbiddenException(DocumentErrors.LogNotYours);
        }

        var log = await LogAsync(lot, ct);
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.documents.download-log-read", $"lot:{lot.TradeCode}",
            new { lot = lot.TradeCode, organizations = log.Organizations, downloads = log.Records.Count }), ct);
        return log;
    }

    public async Task<DeadlineProposalInfo> ProposeDeadlineAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var (project, lot) = await RunAsync(user, lotId, ct);
        var schedule = lot.Schedule(project.Regime) ?? throw new BusinessRuleException(DocumentErrors.NoDeadline);
        var adjustment = await AssessAsync(project, schedule, ct);
        return new DeadlineProposalInfo(adjustment.MustMove, schedule.Deadline, adjustment.EarliestDeadline, adjustment.Reason, adjustment.Citation);
    }

    public async Task<ClarificationInfo> ClarifyAsync(
        ClaimsPrincipal principal, Guid lotId, ClarificationInput input, IReadOnlyList<UploadedFile> files, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 4000)
        {
            throw Invalid(nameof(ClarificationInput.Text), DocumentErrors.TextRequired);
        }

        var (project, lot) = await RunAsync(user, lotId, ct);
        var procedure = lot.Procedure(project.Regime);
        if (procedure is null || lot.State == LotState.Draft)
        {
            throw new BusinessRuleException(DocumentErrors.NoDeadline);
        }

        var schedule = procedure.Schedule;
        var adjustment = await AssessAsync(project, schedule, ct);
        procedure.MoveDeadline(adjustment, input.NewDeadline?.ToUniversalTime() ?? schedule.Deadline);
        lot.Record(procedure, user.UserName);

        var now = clock.GetUtcNow();
        var number = await db.Clarifications.CountAsync(c => c.LotId == lotId, ct) + 1;
        var recipients = await db.DocumentDownloads.Where(d => d.LotId == lotId).Select(d => d.OrganizationId).Distinct().ToListAsync(ct);
        var clarification = new Clarification
        {
            Id = Guid.CreateVersion7(),
            LotId = lot.Id,
            Number = number,
            Text = text,
            IssuedAt = now,
            IssuedBy = user.UserName,
            PreviousDeadline = schedule.Deadline,
            Deadline = lot.Deadline!.Value,
            AdjustmentReason = adjustment.Reason,
            AdjustmentCitation = adjustment.Citation,
            RecipientCount = recipients.Count,
        };
        db.Clarifications.Add(clarification);
        var stored = new List<LotDocument>();
        foreach (var file in files)
        {
            stored.Add(await StoreAsync(user, lot, LotDocumentKind.Clarification, clarification.Id, file, ct));
        }

        db.LotDocuments.AddRange(stored);
        var moved = clarification.DeadlineMoved ? $"{schedule.DeadlineName}由 {ChinaTime.Format(schedule.Deadline)} 顺延至 {ChinaTime.Format(clarification.Deadline)}。" : "";
        foreach (var org in recipients)
        {
            db.TradingNotices.Add(new TradingNotice
            {
                Id = Guid.CreateVersion7(),
                OrganizationId = org,
                LotId = lot.Id,
                Kind = TradingNoticeKind.Clarification,
                SourceId = clarification.Id,
                Title = $"{project.Name} {lot.Name}：第 {number} 号澄清或者修改",
                Body = $"{text}\n{moved}{adjustment.Reason}",
                CreatedAt = now,
            });
        }

        // The number of recipients would tell how many downloaded: it is not put on the Ledger (20号令 第二十一条).
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.documents.clarified", $"lot:{lot.TradeCode}", new
        {
            lot = lot.TradeCode,
            number,
            text,
            files = stored.Select(f => new { f.FileName, f.Digest }),
            previousDeadline = schedule.Deadline,
            deadline = clarification.Deadline,
            ruleKey = adjustment.RuleKey,
            reason = adjustment.Reason,
        }), ct);
        return Info(clarification, stored);
    }

    public async Task<ObjectionInfo> ObjectAsync(ClaimsPrincipal principal, Guid lotId, ObjectionInput input, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 4000)
        {
            throw Invalid(nameof(ObjectionInput.Text), DocumentErrors.ObjectionTextRequired);
        }

        var (project, lot) = await ReadableAsync(user, lotId, ct);
        var org = await EntityAsync(user, ct);
        var downloads = await db.DocumentDownloads.AsNoTracking().Where(d => d.LotId == lotId && d.OrganizationId == org.Id).ToListAsync(ct);
        if (downloads.Count == 0 || project.IsRunBy(org.Id))
        {
            throw new BusinessRuleException(DocumentErrors.NotDownloaded, DocumentErrors.ObjectionCitation);
        }

        var procedure = lot.Procedure(project.Regime) ?? throw new BusinessRuleException(DocumentErrors.NoDeadline);
        var now = clock.GetUtcNow();
        var timing = await timings.ForRegionAsync(project.RegionCode, ct);
        var firstDownload = downloads.Min(d => d.At);
        var assessment = new ObjectionWindow(timing).Assess(procedure.Schedule, now,
            DateOnly.FromDateTime(firstDownload.ToOffset(ChinaTime.Offset).DateTime));
        var citation = timing.Rule(StatutoryTiming.Rules.Single(r => r.Key == assessment.RuleKey)).Source;
        if (!assessment.Accepted)
        {
            throw new BusinessRuleException(assessment.Message, citation);
        }

        var pauses = assessment.PausesProcedure && procedure.State != LotState.Paused;
        if (pauses)
        {
            procedure.Pause($"对{procedure.Schedule.DocumentsName}的异议待答复（{citation}）", now);
            lot.Record(procedure, user.UserName);
        }

        var objection = new Objection
        {
            Id = Guid.CreateVersion7(),
            LotId = lot.Id,
            OrganizationId = org.Id,
            CreditCode = org.CreditCode!,
            OrganizationName = org.Name,
            RaisedBy = user.UserName,
            RaisedAt = now,
            Text = text,
            AnswerBy = assessment.AnswerBy!.Value,
            PausedLot = assessment.PausesProcedure,
            Assessment = assessment.Message,
        };
        db.Objections.Add(objection);
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.objection.raised", $"lot:{lot.TradeCode}", new
        {
            lot = lot.TradeCode,
            objection = objection.Id,
            text,
            answerBy = objection.AnswerBy,
            paused = pauses,
            ruleKey = assessment.RuleKey,
        }), ct);
        return Info(objection, lot, user, now);
    }

    public async Task<ObjectionInfo> AnswerAsync(ClaimsPrincipal principal, Guid objectionId, ObjectionAnswerInput input, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var answer = input.Answer?.Trim();
        if (string.IsNullOrEmpty(answer) || answer.Length > 4000)
        {
            throw Invalid(nameof(ObjectionAnswerInput.Answer), DocumentErrors.AnswerRequired);
        }

        var objection = await db.Objections.SingleOrDefaultAsync(o => o.Id == objectionId, ct)
            ?? throw new NotFoundException(DocumentErrors.ObjectionNotFound);
        var (project, lot) = await RunAsync(user, objection.LotId, ct);
        if (objection.IsAnswered)
        {
            throw new BusinessRuleException(DocumentErrors.AlreadyAnswered);
        }

        var now = clock.GetUtcNow();
        objection.Record(answer, user.UserName, now);
        var othersOpen = await db.Objections.AnyAsync(o => o.LotId == lot.Id && o.Id != objection.Id && o.PausedLot && o.AnsweredAt == null, ct);
        var resumed = false;
        if (lot.State == LotState.Paused && objection.PausedLot && !othersOpen)
        {
            var procedure = lot.Procedure(project.Regime)!;
            procedure.Resume($"异议已答复（{DocumentErrors.ObjectionCitation}）", now);
            lot.Record(procedure, user.UserName);
            resumed = true;
        }

        db.TradingNotices.Add(new TradingNotice
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = objection.OrganizationId,
            LotId = lot.Id,
            Kind = TradingNoticeKind.ObjectionAnswer,
            SourceId = objection.Id,
            Title = $"{project.Name} {lot.Name}：异议答复",
            Body = $"贵单位于 {ChinaTime.Format(objection.RaisedAt)} 提出的异议已答复：{answer}",
            CreatedAt = now,
        });
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.objection.answered", $"lot:{lot.TradeCode}", new
        {
            lot = lot.TradeCode,
            objection = objection.Id,
            answer,
            late = now > objection.AnswerBy,
            resumed,
        }), ct);
        return Info(objection, lot, user, now);
    }

    public async Task<IReadOnlyList<ObjectionInfo>> ObjectionsAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        IQueryable<Objection> query = db.Objections;
        if (!(user.IsCenter || user.IsRegulator || user.IsSupervisor))
        {
            var org = user.OrganizationId ?? Guid.Empty;
            var lotIds = db.Lots.Where(l => db.Projects.Any(p => p.Id == l.ProjectId && (p.TendererId == org || p.AgencyId == org))).Select(l => l.Id);
            query = query.Where(o => o.OrganizationId == org || lotIds.Contains(o.LotId));
        }

        var objections = await query.AsNoTracking().ToListAsync(ct);
        var ids = objections.Select(o => o.LotId).Distinct().ToList();
        var lots = await db.Lots.AsNoTracking().Where(l => ids.Contains(l.Id)).ToListAsync(ct);
        return await VisibleObjectionsAsync(user, query, lots, ct);
    }

    private async Task<IReadOnlyList<ObjectionInfo>> VisibleObjectionsAsync(TradingUser user, IQueryable<Objection> query, IReadOnlyList<Lot> lots, CancellationToken ct)
    {
        var objections = await query.AsNoTracking().ToListAsync(ct);
        var byId = lots.ToDictionary(l => l.Id);
        var projects = await db.Projects.AsNoTracking().Where(p => byId.Values.Select(l => l.ProjectId).Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var now = clock.GetUtcNow();
        return
        [
            .. objections
                .Where(o => byId.ContainsKey(o.LotId))
                .Where(o => o.OrganizationId == user.OrganizationId || user.MayRead(projects[byId[o.LotId].ProjectId]))
                .OrderBy(o => o.RaisedAt)
                .Select(o => Info(o, byId[o.LotId], user, now)),
        ];
    }

    private static ObjectionInfo Info(Objection o, Lot lot, TradingUser user, DateTimeOffset now)
    {
        var mine = o.OrganizationId == user.OrganizationId;
        return new ObjectionInfo(o.Id, o.LotId, lot.Name, mine || AfterDeadline(lot, now) ? o.OrganizationName : null, o.RaisedAt, o.Text,
            o.AnswerBy, o.IsOverdue(now), o.PausedLot, o.Assessment, o.Answer, o.AnsweredAt, mine);
    }

    private async Task<DeadlineAdjustment> AssessAsync(Project project, ProcedureSchedule schedule, CancellationToken ct) =>
        new DeadlineAdjuster(await timings.ForRegionAsync(project.RegionCode, ct)).Assess(schedule, clock.GetUtcNow());

    private async Task<LotDocument> StoreAsync(TradingUser user, Lot lot, LotDocumentKind kind, Guid? clarificationId, UploadedFile file, CancellationToken ct)
    {
        var settings = options.Value;
        var name = Path.GetFileName(file.FileName?.Trim() ?? "");
        if (name.Length == 0 || file.Length == 0)
        {
            throw Invalid("File", DocumentErrors.FileRequired);
        }

        if (name.Length > 200)
        {
            throw Invalid("File", DocumentErrors.FileNameTooLong);
        }

        if (!settings.Allows(name) || file.Length > settings.MaxBytes)
        {
            throw Invalid("File", DocumentErrors.WrongType(settings.Allowed, settings.MaxBytes));
        }

        await using var content = file.Open();
        var id = await blobs.PutAsync(content, ct);
        return new LotDocument
        {
            Id = Guid.CreateVersion7(),
            LotId = lot.Id,
            Kind = kind,
            ClarificationId = clarificationId,
            FileName = name,
            ContentType = ContentTypeOf(name),
            Size = file.Length,
            Digest = id.Value,
            UploadedAt = clock.GetUtcNow(),
            UploadedBy = user.UserName,
        };
    }

    private async Task<(Project Project, Lot Lot)> LoadAsync(Guid lotId, CancellationToken ct)
    {
        var lot = await db.Lots.SingleOrDefaultAsync(l => l.Id == lotId, ct) ?? throw new NotFoundException(DocumentErrors.LotNotFound);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == lot.ProjectId, ct);
        return (project, lot);
    }

    /// <summary>Those who run the project and the authorities see any lot; market entities see an accepted project's published lots.</summary>
    private async Task<(Project Project, Lot Lot)> ReadableAsync(TradingUser user, Guid lotId, CancellationToken ct)
    {
        var (project, lot) = await LoadAsync(lotId, ct);
        if (!user.MayRead(project) && (!project.IsAccepted || lot.State == LotState.Draft))
        {
            throw new NotFoundException(DocumentErrors.LotNotFound);
        }

        return (project, lot);
    }

    private async Task<(Project Project, Lot Lot)> RunAsync(TradingUser user, Guid lotId, CancellationToken ct)
    {
        var (project, lot) = await ReadableAsync(user, lotId, ct);
        if (!user.RunsProject(project))
        {
            throw new ForbiddenException(DocumentErrors.NotRunner);
        }

        if (!project.IsAccepted)
        {
            throw new BusinessRuleException(DocumentErrors.NotAccepted);
        }

        return (project, lot);
    }

    private async Task<Platform.Identity.Organization> EntityAsync(TradingUser user, CancellationToken ct)
    {
        var org = user.OrganizationId is { } id ? await platform.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) : null;
        return org is { CreditCode.Length: > 0 } ? org : throw new ForbiddenException(DocumentErrors.NoEntity);
    }

    private async Task<DownloadLogInfo> LogAsync(Lot lot, CancellationToken ct)
    {
        var downloads = await db.DocumentDownloads.AsNoTracking().Where(d => d.LotId == lot.Id).ToListAsync(ct);
        var names = await db.LotDocuments.AsNoTracking().Where(d => d.LotId == lot.Id).ToDictionaryAsync(d => d.Id, d => d.FileName, ct);
        return new DownloadLogInfo(
            downloads.Select(d => d.OrganizationId).Distinct().Count(),
            [.. downloads.OrderBy(d => d.At).ThenBy(d => d.Id)
                .Select(d => new DownloadRecordInfo(d.OrganizationName, d.CreditCode, d.UserName, d.At, names.GetValueOrDefault(d.DocumentId, ""), d.Digest))]);
    }

    private static bool AfterDeadline(Lot lot, DateTimeOffset now) => lot.Deadline is { } deadline && now >= deadline;

    /// <summary>After the deadline: the tenderer, the agency, the center and the authorities; bidders never.</summary>
    private static bool MayReadLog(TradingUser user, Project project) => user.MayRead(project);

    /// <summary>The SM3 seal of a download record that the Ledger keeps in its place.</summary>
    internal static string SealOf(DocumentDownload d, string lotTradeCode) => Sm3.HashHex(Encoding.UTF8.GetBytes(string.Join('|',
        "ggzy.download", d.Nonce, lotTradeCode, d.CreditCode, d.UserName, d.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), d.Digest)));

    private static LotDocumentKind Kind(Project project, Lot lot) =>
        lot.Prequalification ? LotDocumentKind.PrequalificationDocuments
        : project.Regime == Regime.Procurement ? LotDocumentKind.ProcurementDocuments : LotDocumentKind.TenderDocuments;

    private static string DocumentsName(Project project, Lot lot) => Label(Kind(project, lot));

    internal static string Label(LotDocumentKind kind) => kind switch
    {
        LotDocumentKind.TenderDocuments => "招标文件",
        LotDocumentKind.PrequalificationDocuments => "资格预审文件",
        LotDocumentKind.ProcurementDocuments => "采购文件",
        LotDocumentKind.Clarification => "澄清或者修改文件",
        _ => "",
    };

    private static string ContentTypeOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".ofd" => "application/ofd",
        ".zip" => "application/zip",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };

    private static DocumentFileInfo Info(LotDocument d) => new(d.Id, Label(d.Kind), d.FileName, d.Size, d.Digest, d.UploadedAt, d.UploadedBy);

    private static ClarificationInfo Info(Clarification c, IEnumerable<LotDocument> files) => new(
        c.Id, c.Number, c.Text, c.IssuedAt, c.IssuedBy, c.PreviousDeadline, c.Deadline, c.DeadlineMoved, c.AdjustmentReason, c.AdjustmentCitation,
        [.. files.Where(f => f.ClarificationId == c.Id).Select(Info)]);

    private static InputValidationException Invalid(string field, string message) =>
        new(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });
}
