using System.Security.Claims;
using Ggzy.Platform.Blobs;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Rules;
using Ggzy.Platform.Signing;
using Ggzy.Sealing.Archive;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Announcements;
using Ggzy.Trading.Domain.Archive;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Domain.Security;
using Ggzy.Trading.Features.Procedures;
using Ggzy.Trading.Features.Projects;
using Ggzy.Trading.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Ggzy.Trading.Domain.Schedule.ChinaDates;

namespace Ggzy.Trading.Features.Archive;

/// <summary>
/// Builds a closed lot's archive package (R20, T21, docs/archive.md) and hands it to those who may have it. The
/// procedure clock calls <see cref="BuildAsync"/> for every lot that is 合同已签订, 招标失败 or 已终止 and has no package:
/// every registered <see cref="ILotArchiveSection"/> gives its documents, the Ledger extract last, the package is written to a work file, signed
/// by the platform key and put into the blob store; then, in one transaction, the package's row, the lot's step to
/// 已归档 and the Ledger entry with the package's SM3. Until that commit nothing is visible, so an interrupted build is
/// simply built again by the next pass; the lot's row is the key of the package's, so a second node's build cannot be
/// stored twice. The tenderer, the agency, the center and the supervisory authorities download it free; each download is on the
/// Ledger.
/// </summary>
internal sealed class LotArchiveService(
    TradingDbContext db,
    IEnumerable<ILotArchiveSection> sections,
    LedgerArchiveSection ledgerExtract,
    IBlobStore blobs,
    PlatformSigner signer,
    StatutoryRuleRegistry rules,
    IOptions<ArchiveOptions> options,
    DepositRefunds refunds,
    LedgerWriter ledger)
{
    public const string RefusedDownload = "归档包只免费提供给本项目的招标人（采购人）、其委托的代理机构、交易中心和监管、监督部门（"
        + StatutoryRules.TianjinRules + "第十八条）；您的账户不在其中，如需查阅请向招标人或监督部门申请。";

    public static readonly LotState[] Closed = [LotState.Contracted, LotState.Failed, LotState.Terminated];

    /// <summary>Builds the lot's package if it is closed and has none; false when there was nothing to do.</summary>
    public async Task<bool> BuildAsync(Guid lotId, DateTimeOffset now, CancellationToken ct)
    {
        var lot = await db.Lots.Include(l => l.Steps).SingleAsync(l => l.Id == lotId, ct);
        if (!Closed.Contains(lot.State) || await db.LotArchives.AnyAsync(a => a.LotId == lotId, ct))
        {
            return false;
        }

        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == lot.ProjectId, ct);
        var procedure = lot.Procedure(project.Regime) ?? throw new InvalidOperationException($"Lot {lot.TradeCode} has no schedule.");
        var closedAt = lot.Steps.Where(s => s.To == lot.State).Select(s => (DateTimeOffset?)s.At).Max() ?? now;
        var closedOn = Day(closedAt);
        var outcome = lot.State switch
        {
            LotState.Contracted => ArchiveOutcome.Awarded,
            LotState.Failed => ArchiveOutcome.Failed,
            _ => ArchiveOutcome.Terminated,
        };
        var retention = project.Regime == Regime.Procurement
            ? ArchiveRetentions.Procurement(closedOn, await rules.EffectiveAsync(StatutoryRules.ProcurementRecordRetention.Key, project.RegionCode, ct))
            : ArchiveRetentions.Tender(closedOn, options.Value.TenderRetentionYears, options.Value.TenderRetentionBasis);

        var documents = new List<ArchiveDocument>();
        foreach (var section in sections)
        {
            documents.AddRange(await section.DocumentsAsync(lotId, ct));
        }

        documents.AddRange(await ledgerExtract.DocumentsAsync(lotId, ct));

        var builtAt = LedgerHash.Truncate(now);
        var packageId = Guid.CreateVersion7(builtAt);
        var work = Path.Combine(options.Value.WorkDirectory ?? Path.GetTempPath(), $"ggzy-archive-{packageId:N}.zip");
        ArchiveManifest manifest;
        BlobId blob;
        long size;
        try
        {
            await using (var output = new FileStream(work, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                manifest = ArchivePackageBuilder.Build(output, packageId, builtAt,
                    new ArchiveLot(project.TradeCode, project.Name, lot.TradeCode, lot.Name, project.Regime, lot.Method, outcome, closedOn),
                    retention, documents, new ArchiveSigner(signer.PublicKey, data => signer.Sign(data)));
                await output.FlushAsync(ct);
                size = output.Length;
                output.Position = 0;
                blob = await blobs.PutAsync(output, ct);
            }
        }
        finally
        {
            File.Delete(work);
        }

        // A failed or terminated lot's deposits are due back (实施条例 第三十一条; 87号令 第二十九条): a duty not yet started is started now.
        var duties = outcome == ArchiveOutcome.Awarded ? [] : await refunds.AddAsync(lot, project, RefundEvent.Termination, closedAt,
            await db.BidDeposits.Where(d => d.LotId == lotId && d.WithdrawnAt == null).ToListAsync(ct), ct);
        var manifestJson = System.Text.Encoding.UTF8.GetString(manifest.ToUtf8());
        db.LotArchives.Add(new LotArchive
        {
            LotId = lotId,
            PackageId = packageId,
            Digest = blob.Value,
            Size = size,
            FileName = $"{lot.TradeCode}-归档包.zip",
            BuiltAt = builtAt,
            Outcome = outcome,
            ClosedOn = closedOn,
            RetentionYears = retention.Years,
            RetainUntil = retention.Until,
            RetentionBasis = retention.Basis,
            KeyFingerprint = manifest.KeyFingerprint,
            EntryCount = manifest.Entries.Count,
            ManifestJson = manifestJson,
        });
        var from = lot.State;
        procedure.Archive(now);
        lot.Record(procedure, ProcedureClock.Actor);
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.lot.archived", $"lot:{lot.TradeCode}", new
        {
            lot = lot.TradeCode,
            from = from.ToString(),
            to = LotState.Archived.ToString(),
            package = packageId,
            sm3 = blob.Value,
            size,
            entries = manifest.Entries.Count,
            outcome = outcome.ToString(),
            closedOn = Text(closedOn),
            retentionYears = retention.Years,
            retainUntil = retention.Until is { } until ? Text(until) : null,
            keyFingerprint = manifest.KeyFingerprint,
            refundDutiesStarted = duties.Select(d => new { d.Id, d.DepositId, dueDate = d.DueDate is { } due ? Text(due) : null, d.Citation }),
            by = ProcedureClock.Actor,
        }), ct);
        return true;
    }

    /// <summary>The packages the user may download: those of the projects the organisation runs; every one for the center and the authorities.</summary>
    public async Task<IReadOnlyList<ArchiveSummaryView>> ListAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var rows = await (from a in db.LotArchives.AsNoTracking()
                          join l in db.Lots.AsNoTracking() on a.LotId equals l.Id
                          join p in db.Projects.AsNoTracking() on l.ProjectId equals p.Id
                          select new { a, l, p }).ToListAsync(ct);
        return [.. rows.Where(x => MayDownload(user, x.p)).OrderByDescending(x => x.a.BuiltAt)
            .Select(x => new ArchiveSummaryView(x.l.Id, x.p.Name, x.p.TradeCode, x.l.Number, x.l.Name, x.l.TradeCode, x.p.Regime,
                OutcomeLabel(x.a.Outcome), x.a.ClosedOn, x.a.BuiltAt, x.a.RetentionYears, x.a.RetainUntil, x.a.Size, x.a.Digest))];
    }

    /// <summary>A package's contents from its manifest, its retention and digest; refused (403) to anyone but those who may download it.</summary>
    public async Task<ArchiveDetailView> DetailAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var (archive, lot, project) = await FindAsync(TradingUser.From(principal), lotId, ct);
        var manifest = ArchiveManifest.Parse(System.Text.Encoding.UTF8.GetBytes(archive.ManifestJson));
        var steps = await db.LotSteps.AsNoTracking().Where(s => s.LotId == lotId && (s.To == LotState.Failed || s.To == LotState.Terminated))
            .OrderBy(s => s.At).ToListAsync(ct);
        return new ArchiveDetailView(lot.Id, project.Name, project.TradeCode, lot.Number, lot.Name, lot.TradeCode, project.Regime,
            OutcomeLabel(archive.Outcome), steps.LastOrDefault()?.Reason, archive.ClosedOn, archive.BuiltAt, archive.PackageId, archive.FileName,
            archive.Size, archive.Digest, archive.KeyFingerprint, signer.PublicKey.ToPem(), archive.RetentionYears, archive.RetainUntil, archive.RetentionBasis,
            [.. manifest.Entries.Select(e => new ArchiveEntryView(e.Path, e.Kind, e.Title, e.Size, e.Sm3))]);
    }

    /// <summary>The package's bytes, free of charge, for those who may have it; the download goes on the Ledger.</summary>
    public async Task<(string FileName, Stream Content)> DownloadAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var (archive, lot, _) = await FindAsync(user, lotId, ct);
        var content = await blobs.OpenReadAsync(new BlobId(archive.Digest), ct)
            ?? throw new InvalidOperationException($"The archive package {archive.Digest} of lot {lot.TradeCode} is missing from the blob store.");
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.archive.downloaded", $"lot:{lot.TradeCode}", new
        {
            lot = lot.TradeCode,
            package = archive.PackageId,
            sm3 = archive.Digest,
            by = user.UserName,
            organization = user.OrganizationId,
            center = user.IsCenter,
            regulator = user.IsRegulator,
            supervisor = user.IsSupervisor,
        }), ct);
        return (archive.FileName, content);
    }

    /// <summary>The refund duties of the lot's deposits (those a termination or failure started among them).</summary>
    public async Task<IReadOnlyList<RefundDutyView>> RefundsAsync(Guid lotId, CancellationToken ct)
    {
        var ids = await db.RefundDuties.AsNoTracking().Where(d => d.LotId == lotId).Select(d => d.Id).ToListAsync(ct);
        return ids.Count == 0 ? [] : [.. (await refunds.ViewsAsync(ids, ct)).OrderBy(d => d.EntityName, StringComparer.Ordinal)];
    }

    /// <summary>Whether the user's organisation runs the lot's project (the tenderer or its agency).</summary>
    public async Task<bool> RunsAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var projectId = await db.Lots.AsNoTracking().Where(l => l.Id == lotId).Select(l => (Guid?)l.ProjectId).SingleOrDefaultAsync(ct);
        var project = projectId is null ? null : await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId, ct);
        return project is not null && TradingUser.From(principal).RunsProject(project);
    }

    /// <summary>
    /// The tenderer's and agency's staff of the project, the Regulator and the supervisors (R20), and the center's staff,
    /// who keep the archive and answer archive queries (Jilin-Measures §26; Jilin-Rules §25, §26).
    /// </summary>
    public static bool MayDownload(TradingUser user, Project project) => user.RunsProject(project) || user.IsCenter || user.IsRegulator || user.IsSupervisor;

    public static string OutcomeLabel(ArchiveOutcome outcome) => outcome switch
    {
        ArchiveOutcome.Awarded => "已签订合同",
        ArchiveOutcome.Failed => "招标失败",
        ArchiveOutcome.Terminated => "终止招标",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    private async Task<(LotArchive Archive, Lot Lot, Project Project)> FindAsync(TradingUser user, Guid lotId, CancellationToken ct)
    {
        var lot = await db.Lots.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lotId, ct) ?? throw new NotFoundException(AnnouncementErrors.LotNotFound);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == lot.ProjectId, ct);
        if (!MayDownload(user, project))
        {
            throw new ForbiddenException(RefusedDownload);
        }

        var archive = await db.LotArchives.AsNoTracking().SingleOrDefaultAsync(a => a.LotId == lotId, ct)
            ?? throw new NotFoundException("该标段还没有归档包：标段在合同签订、招标失败或终止招标后由平台自动归档，请稍后再查看。");
        return (archive, lot, project);
    }
}

internal sealed record ArchiveSummaryView(
    Guid LotId, string ProjectName, string ProjectTradeCode, int LotNumber, string LotName, string LotTradeCode, Regime Regime,
    string Outcome, DateOnly ClosedOn, DateTimeOffset BuiltAt, int? RetentionYears, DateOnly? RetainUntil, long Size, string Sm3);

internal sealed record ArchiveDetailView(
    Guid LotId, string ProjectName, string ProjectTradeCode, int LotNumber, string LotName, string LotTradeCode, Regime Regime,
    string Outcome, string? Reason, DateOnly ClosedOn, DateTimeOffset BuiltAt, Guid PackageId, string FileName, long Size, string Sm3,
    string KeyFingerprint, string PlatformKeyPem, int? RetentionYears, DateOnly? RetainUntil, string RetentionBasis, IReadOnlyList<ArchiveEntryView> Entries);

internal sealed record ArchiveEntryView(string Path, string Kind, string Title, long Size, string Sm3);
