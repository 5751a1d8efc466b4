using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Ggzy.Credit.Contracts;
using Ggzy.Platform.Data;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Signing;
using Ggzy.Sealing;
using Ggzy.Sealing.Envelope;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Bids;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Documents;
using Ggzy.Trading.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Trading.Features.Bids;

/// <summary>
/// Sealed bids (docs/bid-submission.md, ADR 0018). The platform's clock decides the deadline; a receipt is signed and
/// sent only after the envelope is flushed to disk and its record committed. Before the deadline the Ledger learns of
/// each submission only by a commitment (the SM3 of its receipt): no bidder, no lot — the count and the names of a
/// lot's bidders stay secret until the deadline (招标投标法 第二十二条), when the lot's closing entry lists them.
/// </summary>
internal sealed class BidSubmissionService(
    TradingDbContext db,
    PlatformDbContext platform,
    BidVault vault,
    BidInspections inspections,
    PlatformSigner signer,
    ICreditStanding credit,
    IEntityCertificates certificates,
    LedgerWriter ledger,
    TimeProvider clock) : IBidSubmissions
{
    private static readonly JsonSerializerOptions ReceiptJson = new(JsonSerializerDefaults.General);

    public async Task<IReadOnlyList<BiddableLot>> BiddableLotsAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var org = await BidderAsync(TradingUser.From(principal), ct);
        var lotIds = await db.DocumentDownloads.AsNoTracking().Where(d => d.OrganizationId == org.Id).Select(d => d.LotId).Distinct().ToListAsync(ct);
        var lots = await db.Lots.AsNoTracking().Where(l => lotIds.Contains(l.Id)).ToListAsync(ct);
        var projectIds = lots.Select(l => l.ProjectId).Distinct().ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var current = await db.Bids.AsNoTracking().Where(b => b.OrganizationId == org.Id && b.Status == BidStatus.Current)
            .ToDictionaryAsync(b => b.LotId, b => b.CompletedAt, ct);
        return
        [
            .. lots.OrderBy(l => l.Deadline).ThenBy(l => l.TradeCode, StringComparer.Ordinal)
                .Select(l => new BiddableLot(l.Id, l.TradeCode, l.Name, projects[l.ProjectId].Name, l.State.Label(), l.Deadline,
                    current.ContainsKey(l.Id), current.TryGetValue(l.Id, out var at) ? at : null)),
        ];
    }

    public async Task<(BidUploadView Upload, bool Created)> StartAsync(ClaimsPrincipal principal, Guid lotId, StartBidUploadInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var org = await BidderAsync(TradingUser.From(principal), ct);
        var lot = await TakingBidsAsync(lotId, now, ct);
        var (size, digest, fileName) = Check(input);
        await EnsureMayBidAsync(org, lot, now, ct);

        if (await FindSameAsync(lot, org.Id, digest, ct) is { } existing)
        {
            return (existing, false);
        }

        var upload = new BidUpload
        {
            Id = Guid.CreateVersion7(now),
            LotId = lot.Id,
            OrganizationId = org.Id,
            CreditCode = org.CreditCode!,
            UserName = TradingUser.From(principal).UserName,
            Size = size,
            Digest = digest,
            FileName = fileName,
            StartedAt = now,
        };
        vault.Create(lot.Id, upload.Id);
        db.BidUploads.Add(upload);
        try
        {
            await Withheld().SaveChangesAsync(db, new LedgerDraft("trading.bids.upload-started", $"sealed-upload:{Seal(upload.Id)}",
                new { size }), ct);
        }
        catch (DbUpdateException)
        {
            // The same envelope was started at the same instant by a retry: answer with the one that won.
            vault.Delete(lot.Id, upload.Id);
            return await FindSameAsync(lot, org.Id, digest, ct) is { } raced ? (raced, false) : throw new InvalidOperationException("Upload start failed.");
        }

        return (View(upload, lot, 0, null), true);
    }

    public async Task<BidUploadView> UploadAsync(ClaimsPrincipal principal, Guid uploadId, CancellationToken ct)
    {
        var (upload, lot) = await OwnUploadAsync(principal, uploadId, ct);
        return await ViewAsync(upload, lot, ct);
    }

    public async Task<BidUploadView> AppendAsync(ClaimsPrincipal principal, Guid uploadId, long offset, Stream chunk, CancellationToken ct)
    {
        var (upload, lot) = await OwnUploadAsync(principal, uploadId, ct);
        EnsureOpen(upload);
        var now = clock.GetUtcNow();
        EnsureBeforeDeadline(lot, now);
        var inspector = inspections.Take(upload.Id, offset, upload.Size);
        var hashed = inspector is not null;
        var received = await vault.AppendAsync(lot.Id, upload.Id, offset, upload.Size, chunk, hashed ? Hash : null, ct);
        if (hashed)
        {
            inspections.Keep(upload.Id, inspector!);
        }

        return View(upload, lot, received, null);

        void Hash(ReadOnlySpan<byte> bytes)
        {
            try
            {
                if (hashed)
                {
                    inspector!.Append(bytes);
                }
            }
            catch (EnvelopeException)
            {
                // Not the start of a valid envelope: the completion reads the file and refuses it with the reason.
                hashed = false;
            }
        }
    }

    public async Task<BidUploadView> CompleteAsync(ClaimsPrincipal principal, Guid uploadId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (upload, lot) = await OwnUploadAsync(principal, uploadId, ct);
        if (upload.State == BidUploadState.Completed)
        {
            return await ViewAsync(upload, lot, ct);
        }

        EnsureOpen(upload);
        EnsureBeforeDeadline(lot, now);
        var org = await BidderAsync(TradingUser.From(principal), ct);
        var received = vault.Received(lot.Id, upload.Id);
        if (received != upload.Size)
        {
            throw BidRefusals.Conflict(BidErrors.CodeIncomplete, Format(BidErrors.Incomplete, received, upload.Size), received);
        }

        EnvelopeInspection inspection;
        using (var file = await vault.OpenDurableAsync(lot.Id, upload.Id, ct))
        {
            inspection = await RefuseBadBytesAsync(upload, lot,
                () => inspections.Finish(upload.Id, upload.Size) ?? SealedEnvelope.Inspect(file, upload.Size), ct);
        }

        if (!string.Equals(inspection.Digest, upload.Digest, StringComparison.Ordinal))
        {
            await AbandonAsync(upload, lot, BidErrors.CodeDigestMismatch, ct);
            throw BidRefusals.Rule(BidErrors.CodeDigestMismatch, BidErrors.DigestMismatch, citation: BidErrors.SealCitation);
        }

        var header = inspection.Header;
        if (inspection.Verify() is { IsValid: false } invalid)
        {
            await AbandonAsync(upload, lot, invalid.Code!, ct);
            throw BidRefusals.Rule(invalid.Code!, invalid.Reason!, citation: BidErrors.SealCitation);
        }

        if (!string.Equals(header.LotCode, lot.TradeCode, StringComparison.Ordinal))
        {
            await AbandonAsync(upload, lot, BidErrors.CodeWrongLot, ct);
            throw BidRefusals.Rule(BidErrors.CodeWrongLot, Format(BidErrors.WrongLot, header.LotCode, lot.TradeCode));
        }

        if (!string.Equals(header.BidderCreditCode, org.CreditCode, StringComparison.Ordinal))
        {
            await AbandonAsync(upload, lot, BidErrors.CodeWrongBidder, ct);
            throw BidRefusals.Rule(BidErrors.CodeWrongBidder, Format(BidErrors.WrongBidder, header.BidderCreditCode, org.CreditCode!));
        }

        // Not about the bytes: the bidder may bind the certificate, or the debarment may end, and complete again.
        var certificate = Convert.FromBase64String(header.Certificate);
        if (await certificates.SigningProblemAsync(org.Id, certificate, now, ct) is { } problem)
        {
            throw BidRefusals.Rule(BidErrors.CodeCertificate, problem, citation: BidErrors.SealCitation);
        }

        await EnsureMayBidAsync(org, lot, now, ct);
        return await AcceptAsync(upload, lot, org, header, inspection.Digest, Sealing.Pki.Certificate.Parse(certificate).Fingerprint, now, ct);
    }

    public async Task AbandonAsync(ClaimsPrincipal principal, Guid uploadId, CancellationToken ct)
    {
        var (upload, lot) = await OwnUploadAsync(principal, uploadId, ct);
        EnsureOpen(upload);
        await AbandonAsync(upload, lot, "abandoned", ct);
    }

    public async Task<OwnBidsView> MineAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var org = await BidderAsync(TradingUser.From(principal), ct);
        var (project, lot) = await LotAsync(lotId, ct);
        var bids = await db.Bids.AsNoTracking().Where(b => b.LotId == lotId && b.OrganizationId == org.Id).ToListAsync(ct);
        var uploads = await db.BidUploads.AsNoTracking()
            .Where(u => u.LotId == lotId && u.OrganizationId == org.Id && u.State != BidUploadState.Completed).ToListAsync(ct);
        string? refusal = null;
        try
        {
            EnsureTakingBids(lot, now);
            await EnsureMayBidAsync(org, lot, now, ct);
        }
        catch (BusinessRuleException e)
        {
            refusal = e.Message;
        }

        var history = bids.OrderByDescending(b => b.CompletedAt).Select(Own).ToList();
        return new OwnBidsView(lot.Id, lot.TradeCode, lot.Name, project.Name, lot.State.Label(), lot.Deadline, refusal is null, refusal,
            history.FirstOrDefault(b => b.Status == "current")?.Receipt, history,
            [.. uploads.OrderByDescending(u => u.StartedAt).Select(u => View(u, lot, u.State == BidUploadState.Open ? vault.Received(lot.Id, u.Id) : 0, null))]);
    }

    public async Task<OwnBidView> WithdrawAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var org = await BidderAsync(TradingUser.From(principal), ct);
        var (_, lot) = await LotAsync(lotId, ct);
        EnsureBeforeDeadline(lot, now);
        var bid = await db.Bids.FirstOrDefaultAsync(b => b.LotId == lotId && b.OrganizationId == org.Id && b.Status == BidStatus.Current, ct)
            ?? throw BidRefusals.Rule(BidErrors.CodeNothingToWithdraw, BidErrors.NothingToWithdraw);
        bid.Status = BidStatus.Withdrawn;
        bid.EndedAt = now;
        await Withheld().SaveChangesAsync(db, new LedgerDraft("trading.bids.withdrawn", $"sealed-bid:{bid.Commitment}",
            new { commitment = bid.Commitment }), ct);
        return Own(bid);
    }

    public async Task<IReadOnlyList<LotBidView>> ListAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var (project, lot) = await LotAsync(lotId, ct);
        if (!user.MayRead(project))
        {
            throw new BusinessRuleException(BidErrors.NotYours, BidErrors.SecrecyCitation) { Code = BidErrors.CodeSecret, Status = 403 };
        }

        if (lot.Deadline is not { } deadline || clock.GetUtcNow() < deadline)
        {
            throw new BusinessRuleException(BidErrors.NotYetDeadline, BidErrors.SecrecyCitation) { Code = BidErrors.CodeSecret, Status = 403 };
        }

        var bids = await db.Bids.AsNoTracking().Where(b => b.LotId == lotId).ToListAsync(ct);
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.bids.list-read", $"lot:{lot.TradeCode}",
            new { lot = lot.TradeCode, bids = bids.Count(b => b.Status == BidStatus.Current) }), ct);
        return
        [
            .. bids.OrderBy(b => b.CompletedAt).Select(b => new LotBidView(b.Id, b.BidderName, b.CreditCode, b.Digest, b.Size, b.CompletedAt,
                StatusName(b.Status), StatusLabel(b.Status), b.EndedAt, b.ToolVersion, b.MachineId, b.MacAddress)),
        ];
    }

    public ReceiptKeyView ReceiptKey() => new("SM2", signer.PublicKey.ToPem(), signer.PublicKey.Fingerprint);

    /// <summary>At and after a lot's deadline: incomplete uploads expire (counted as withdrawn), and the Ledger gets the lot's commitments, once.</summary>
    public async Task<bool> CloseAsync(Guid lotId, DateTimeOffset now, CancellationToken ct)
    {
        var lot = await db.Lots.AsNoTracking().SingleAsync(l => l.Id == lotId, ct);
        if (lot.Deadline is not { } deadline || now < deadline || await db.BidClosings.AnyAsync(c => c.LotId == lotId, ct))
        {
            return false;
        }

        var open = await db.BidUploads.Where(u => u.LotId == lotId && u.State == BidUploadState.Open).ToListAsync(ct);
        foreach (var upload in open)
        {
            upload.State = BidUploadState.Expired;
            upload.EndedAt = now;
            upload.EndReason = BidErrors.CodeAfterDeadline;
            upload.Revision++;
        }

        var commitments = await db.Bids.AsNoTracking().Where(b => b.LotId == lotId && b.Status == BidStatus.Current)
            .OrderBy(b => b.Commitment).Select(b => b.Commitment).ToListAsync(ct);
        db.BidClosings.Add(new BidClosing { LotId = lotId, ClosedAt = now, BidCount = commitments.Count, ExpiredUploads = open.Count });
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.bids.closed", $"lot:{lot.TradeCode}", new
        {
            lot = lot.TradeCode,
            deadline,
            bids = commitments.Count,
            commitments,
            expiredUploads = open.Count,
        }), ct);
        foreach (var upload in open)
        {
            inspections.Forget(upload.Id);
            vault.Delete(lotId, upload.Id);
        }

        return true;
    }

    private async Task<BidUploadView> AcceptAsync(
        BidUpload upload, Lot lot, Platform.Identity.Organization org, EnvelopeHeader header, string digest, string certificateFingerprint,
        DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            db.ChangeTracker.Clear();
            db.BidUploads.Attach(upload);
            var previous = await db.Bids.FirstOrDefaultAsync(b => b.LotId == lot.Id && b.OrganizationId == org.Id && b.Status == BidStatus.Current, ct);
            var receipt = new BidReceipt(BidReceipt.FormatV1, upload.Id, lot.Id, lot.TradeCode, org.CreditCode!, org.Name, digest, upload.Size,
                now, previous?.Id);
            var json = JsonSerializer.Serialize(receipt, ReceiptJson);
            var bytes = Encoding.UTF8.GetBytes(json);
            var bid = new Bid
            {
                Id = upload.Id,
                LotId = lot.Id,
                OrganizationId = org.Id,
                CreditCode = org.CreditCode!,
                BidderName = org.Name,
                UserName = upload.UserName,
                Digest = digest,
                Size = upload.Size,
                CompletedAt = now,
                Replaces = previous?.Id,
                CertificateFingerprint = certificateFingerprint,
                ToolVersion = Clip(header.Tool.Version),
                MachineId = Clip(header.Tool.MachineId),
                MacAddress = Clip(header.Tool.Mac),
                ReceiptJson = json,
                ReceiptSignature = Convert.ToBase64String(signer.Sign(bytes)),
                KeyFingerprint = signer.PublicKey.Fingerprint,
                Commitment = Sm3.HashHex(bytes),
            };
            if (previous is not null)
            {
                previous.Status = BidStatus.Replaced;
                previous.EndedAt = now;
            }

            upload.State = BidUploadState.Completed;
            upload.EndedAt = now;
            upload.Revision++;
            db.Bids.Add(bid);
            try
            {
                await Withheld().SaveChangesAsync(db, new LedgerDraft("trading.bids.received", $"sealed-bid:{bid.Commitment}",
                    new { commitment = bid.Commitment, replaces = previous?.Commitment }), ct);
                return View(upload, lot, upload.Size, Receipt(bid));
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another completion of this upload, or of this bidder's other upload, committed first: look again.
                db.ChangeTracker.Clear();
                var fresh = await db.BidUploads.SingleAsync(u => u.Id == upload.Id, ct);
                if (fresh.State == BidUploadState.Completed)
                {
                    return await ViewAsync(fresh, lot, ct);
                }

                EnsureOpen(fresh);
                db.ChangeTracker.Clear();
                upload = fresh;
            }
        }
    }

    private async Task<EnvelopeInspection> RefuseBadBytesAsync(BidUpload upload, Lot lot, Func<EnvelopeInspection> inspect, CancellationToken ct)
    {
        try
        {
            return inspect();
        }
        catch (EnvelopeException e)
        {
            await AbandonAsync(upload, lot, e.Code, ct);
            throw BidRefusals.Rule(e.Code, e.Message, citation: BidErrors.SealCitation);
        }
    }

    private async Task AbandonAsync(BidUpload upload, Lot lot, string reason, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var row = await db.BidUploads.SingleAsync(u => u.Id == upload.Id, ct);
        if (row.State != BidUploadState.Open)
        {
            return;
        }

        row.State = BidUploadState.Abandoned;
        row.EndedAt = clock.GetUtcNow();
        row.EndReason = reason;
        row.Revision++;
        await Withheld().SaveChangesAsync(db, new LedgerDraft("trading.bids.upload-ended", $"sealed-upload:{Seal(upload.Id)}",
            new { reason }), ct);
        inspections.Forget(upload.Id);
        vault.Delete(lot.Id, upload.Id);
    }

    private async Task<BidUploadView?> FindSameAsync(Lot lot, Guid organizationId, string digest, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var open = await db.BidUploads.AsNoTracking()
            .FirstOrDefaultAsync(u => u.LotId == lot.Id && u.OrganizationId == organizationId && u.Digest == digest && u.State == BidUploadState.Open, ct);
        if (open is not null)
        {
            return View(open, lot, vault.Received(lot.Id, open.Id), null);
        }

        var current = await db.Bids.AsNoTracking()
            .FirstOrDefaultAsync(b => b.LotId == lot.Id && b.OrganizationId == organizationId && b.Digest == digest && b.Status == BidStatus.Current, ct);
        if (current is null)
        {
            return null;
        }

        var upload = await db.BidUploads.AsNoTracking().SingleAsync(u => u.Id == current.Id, ct);
        return View(upload, lot, upload.Size, Receipt(current));
    }

    private async Task<BidUploadView> ViewAsync(BidUpload upload, Lot lot, CancellationToken ct)
    {
        if (upload.State == BidUploadState.Completed)
        {
            var bid = await db.Bids.AsNoTracking().SingleAsync(b => b.Id == upload.Id, ct);
            return View(upload, lot, upload.Size, Receipt(bid));
        }

        return View(upload, lot, upload.State == BidUploadState.Open ? vault.Received(lot.Id, upload.Id) : 0, null);
    }

    private async Task<(BidUpload Upload, Lot Lot)> OwnUploadAsync(ClaimsPrincipal principal, Guid uploadId, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var upload = await db.BidUploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == uploadId, ct);
        if (upload is null || user.OrganizationId != upload.OrganizationId)
        {
            // Another bidder's upload is answered as if it did not exist.
            throw new NotFoundException(BidErrors.UploadNotFound);
        }

        var lot = await db.Lots.AsNoTracking().SingleAsync(l => l.Id == upload.LotId, ct);
        return (upload, lot);
    }

    private async Task<(Project Project, Lot Lot)> LotAsync(Guid lotId, CancellationToken ct)
    {
        var lot = await db.Lots.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lotId, ct);
        var project = lot is null ? null : await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == lot.ProjectId, ct);
        return project is null || lot is null || !project.IsAccepted || lot.State == LotState.Draft
            ? throw new NotFoundException(BidErrors.LotNotFound)
            : (project, lot);
    }

    private async Task<Lot> TakingBidsAsync(Guid lotId, DateTimeOffset now, CancellationToken ct)
    {
        var (_, lot) = await LotAsync(lotId, ct);
        EnsureTakingBids(lot, now);
        return lot;
    }

    private static void EnsureTakingBids(Lot lot, DateTimeOffset now)
    {
        EnsureBeforeDeadline(lot, now);
        if (lot.State is not (LotState.DocumentsOnSale or LotState.BiddingOpen))
        {
            throw BidRefusals.Rule(BidErrors.CodeLotClosed, BidErrors.LotClosed, citation: BidErrors.DeadlineCitation);
        }
    }

    private static void EnsureBeforeDeadline(Lot lot, DateTimeOffset now)
    {
        if (lot.Deadline is not { } deadline || now >= deadline)
        {
            throw BidRefusals.Rule(BidErrors.CodeAfterDeadline, BidErrors.AfterDeadline, citation: BidErrors.DeadlineCitation);
        }
    }

    private static void EnsureOpen(BidUpload upload)
    {
        if (upload.State != BidUploadState.Open)
        {
            throw BidRefusals.Rule(BidErrors.CodeUploadClosed, Format(BidErrors.UploadClosed, StateLabel(upload.State)), 409);
        }
    }

    private async Task EnsureMayBidAsync(Platform.Identity.Organization org, Lot lot, DateTimeOffset now, CancellationToken ct)
    {
        if (!await db.DocumentDownloads.AnyAsync(d => d.LotId == lot.Id && d.OrganizationId == org.Id, ct))
        {
            throw BidRefusals.Rule(BidErrors.CodeNoDocuments, BidErrors.NoDocuments);
        }

        try
        {
            await credit.EnsureNotDebarredAsync(org.CreditCode!, now, DebarredAction.SubmitBid, ct);
        }
        catch (BusinessRuleException e) when (e.Code is null)
        {
            throw new BusinessRuleException(e.Message, e.Citation ?? BidErrors.DebarredCitation, e.Field) { Code = BidErrors.CodeDebarred };
        }
    }

    private async Task<Platform.Identity.Organization> BidderAsync(TradingUser user, CancellationToken ct)
    {
        var org = user.OrganizationId is { } id ? await platform.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) : null;
        return org is { CreditCode.Length: > 0 }
            ? org
            : throw new BusinessRuleException(BidErrors.NotABidder) { Code = BidErrors.CodeNotABidder, Status = 403 };
    }

    private (long Size, string Digest, string FileName) Check(StartBidUploadInput input)
    {
        if (input.Size is not { } size || size < 1 || size > vault.Options.MaxEnvelopeBytes)
        {
            throw BidRefusals.Rule(BidErrors.CodeSize, Format(BidErrors.SizeInvalid, vault.Options.MaxEnvelopeBytes >> 20), field: "size");
        }

        if (input.Digest is not { Length: 64 } digest || !digest.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
        {
            throw BidRefusals.Rule(BidErrors.CodeDigest, BidErrors.DigestInvalid, field: "digest");
        }

        var fileName = string.IsNullOrWhiteSpace(input.FileName) ? "bid.gse" : input.FileName.Trim();
        if (fileName.Length > 200 || fileName is "." or ".." || fileName.IndexOfAny(['/', '\\', ':']) >= 0 || fileName.Any(char.IsControl))
        {
            throw BidRefusals.Rule(BidErrors.CodeFileName, BidErrors.FileNameInvalid, field: "fileName");
        }

        return (size, digest, fileName);
    }

    private LedgerWriter Withheld() => new(clock, new WithheldActor());

    private static BidUploadView View(BidUpload u, Lot lot, long received, BidReceiptView? receipt) => new(
        u.Id, lot.Id, lot.TradeCode, u.Size, u.Digest, u.FileName, received, StateName(u.State), StateLabel(u.State), u.StartedAt, u.EndedAt, receipt);

    private static OwnBidView Own(Bid b) => new(b.Id, b.Digest, b.Size, b.CompletedAt, StatusName(b.Status), StatusLabel(b.Status), b.EndedAt, Receipt(b));

    private static BidReceiptView Receipt(Bid b) =>
        new(JsonSerializer.Deserialize<BidReceipt>(b.ReceiptJson, ReceiptJson)!, b.ReceiptJson, b.ReceiptSignature, b.KeyFingerprint);

    private static string StateName(BidUploadState s) => s switch
    {
        BidUploadState.Open => "open",
        BidUploadState.Completed => "completed",
        BidUploadState.Abandoned => "abandoned",
        _ => "expired",
    };

    private static string StateLabel(BidUploadState s) => s switch
    {
        BidUploadState.Open => "上传中",
        BidUploadState.Completed => "已递交",
        BidUploadState.Abandoned => "已放弃",
        _ => "截止时未完成（视为撤回）",
    };

    private static string StatusName(BidStatus s) => s switch
    {
        BidStatus.Current => "current",
        BidStatus.Replaced => "replaced",
        _ => "withdrawn",
    };

    private static string StatusLabel(BidStatus s) => s switch
    {
        BidStatus.Current => "有效",
        BidStatus.Replaced => "已被替换",
        _ => "已撤回",
    };

    private static string Seal(Guid id) => Sm3.HashHex(id.ToByteArray());

    private static string Clip(string? value) => value is null ? "" : value.Length <= 100 ? value : value[..100];

    private static string Format(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);
}
