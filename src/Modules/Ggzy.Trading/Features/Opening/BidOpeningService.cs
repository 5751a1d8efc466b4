using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ggzy.Credit.Contracts;
using Ggzy.Platform.Blobs;
using Ggzy.Platform.Data;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Rules;
using Ggzy.Platform.Signing;
using Ggzy.Platform.Time;
using Ggzy.Sealing;
using Ggzy.Sealing.Envelope;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Bids;
using Ggzy.Trading.Domain.Documents;
using Ggzy.Trading.Domain.Opening;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Bids;
using Ggzy.Trading.Features.Procedures;
using Ggzy.Trading.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ggzy.Trading.Features.Opening;

/// <summary>
/// The remote bid opening (不见面开标, docs/bid-opening.md, ADR 0020). At the deadline the procedure clock extracts the
/// lot's bids once (<see cref="ExtractAsync"/>): fewer than the law's minimum and the lot fails; otherwise the
/// decryption window opens at once. Bidders sign in and send the content key of their own envelope; the platform checks
/// the stored envelope (a failure there is its own fault: 撤回) and decrypts it (a key that does not open it is the
/// bidder's: 撤销 at the window's end). The center's staff read out, which signs the opening record; present bidders
/// confirm it, objections are answered on the spot, and closing publishes it. Every step is on the Ledger.
/// </summary>
internal sealed class BidOpeningService(
    TradingDbContext db,
    PlatformDbContext platform,
    BidVault vault,
    IEnvelopeOpener opener,
    IBlobStore blobs,
    PlatformSigner signer,
    ICertificateSignIn certificates,
    StatutoryRuleRegistry rules,
    IOptions<OpeningOptions> options,
    LedgerWriter ledger,
    TimeProvider clock,
    ILogger<BidOpeningService> logger) : IBidOpenings
{
    public const string RecordFormatV1 = "ggzy.opening-record.v1";

    private static readonly JsonSerializerOptions RecordJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly IReadOnlyList<string> TenderItems = ["工期", "质量", "项目负责人"];
    private static readonly IReadOnlyList<string> ProcurementItems = ["交货期（服务期）", "质量", "项目负责人"];

    // ---- Settings ----

    public async Task<OpeningSettingsView> SettingsAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var (project, lot) = await LotAsync(lotId, ct);
        EnsureRuns(TradingUser.From(principal), project);
        var settings = await db.OpeningSettings.AsNoTracking().SingleOrDefaultAsync(s => s.LotId == lotId, ct);
        return SettingsView(project, lot, settings);
    }

    public async Task<OpeningSettingsView> SetSettingsAsync(ClaimsPrincipal principal, Guid lotId, OpeningSettingsInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = TradingUser.From(principal);
        var (project, lot) = await LotAsync(lotId, ct);
        EnsureRuns(user, project);
        if (!SettingsOpen(lot, now))
        {
            throw Refuse(OpeningErrors.CodeSettingsLocked, OpeningErrors.SettingsLocked, 409, OpeningErrors.SettingsLockedCitation);
        }

        var items = (input.Items ?? DefaultItems(project.Regime)).Select(i => i?.Trim() ?? "").ToList();
        if (items.Count > 20 || items.Any(i => i.Length is 0 or > 50) || items.Distinct(StringComparer.Ordinal).Count() != items.Count)
        {
            throw Refuse(OpeningErrors.CodeSettings, OpeningErrors.SettingsItems, citation: OpeningErrors.ReadOutCitation, field: "items");
        }

        if (input.DecryptionMinutes is < 15 or > 240)
        {
            throw Refuse(OpeningErrors.CodeSettings, OpeningErrors.SettingsMinutes, citation: OpeningErrors.WindowCitation, field: "decryptionMinutes");
        }

        var fallback = string.IsNullOrWhiteSpace(input.Fallback) ? null : input.Fallback.Trim();
        if (fallback is { Length: > 2000 })
        {
            throw Refuse(OpeningErrors.CodeSettings, OpeningErrors.SettingsFallback, citation: OpeningErrors.FallbackCitation, field: "fallback");
        }

        if (!IsPrice(input.ReferencePrice) || !IsPrice(input.MaxPrice) || input.ReferencePrice > input.MaxPrice)
        {
            throw Refuse(OpeningErrors.CodeSettings, OpeningErrors.SettingsPrice, citation: OpeningErrors.SecretPriceCitation, field: "referencePrice");
        }

        var settings = await db.OpeningSettings.SingleOrDefaultAsync(s => s.LotId == lotId, ct);
        if (settings is null)
        {
            settings = new LotOpeningSettings { LotId = lotId, ItemsJson = "[]", UpdatedBy = user.UserName };
            db.OpeningSettings.Add(settings);
        }

        settings.ItemsJson = JsonSerializer.Serialize(items, RecordJson);
        settings.DecryptionMinutes = input.DecryptionMinutes;
        settings.Fallback = fallback;
        settings.ReferencePrice = input.ReferencePrice;
        settings.MaxPrice = input.MaxPrice;
        settings.UpdatedAt = now;
        settings.UpdatedBy = user.UserName;
        settings.Revision++;

        // The 标底 is secret until the opening (实施条例 第五十条): the Ledger gets a commitment to the settings, not the amount.
        var commitment = Sm3.HashHex(Encoding.UTF8.GetBytes(string.Join("\n", settings.ItemsJson, settings.DecryptionMinutes,
            settings.Fallback, settings.ReferencePrice?.ToString(CultureInfo.InvariantCulture), settings.MaxPrice?.ToString(CultureInfo.InvariantCulture))));
        await SaveAsync(new LedgerDraft("trading.opening.settings-set", $"lot:{lot.TradeCode}", new
        {
            lot = lot.TradeCode,
            items,
            decryptionMinutes = settings.DecryptionMinutes,
            fallback = fallback is not null,
            referencePrice = settings.ReferencePrice is not null,
            maxPrice = settings.MaxPrice,
            commitment,
        }), ct);
        return SettingsView(project, lot, settings);
    }

    // ---- The timed steps (procedure clock) ----

    /// <summary>At the deadline, once bids are closed: extracts the lot's bids and opens the decryption window, or fails the lot.</summary>
    public async Task<bool> ExtractAsync(Guid lotId, DateTimeOffset now, CancellationToken ct)
    {
        var lot = await db.Lots.SingleAsync(l => l.Id == lotId, ct);
        if (lot.State != LotState.DeadlinePassed || lot.Prequalification || lot.Deadline is not { } deadline || now < deadline
            || !await db.BidClosings.AnyAsync(c => c.LotId == lotId, ct) || await db.BidOpenings.AnyAsync(o => o.LotId == lotId, ct))
        {
            return false;
        }

        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == lot.ProjectId, ct);
        var settings = await db.OpeningSettings.AsNoTracking().SingleOrDefaultAsync(s => s.LotId == lotId, ct);
        var bids = await db.Bids.AsNoTracking().Where(b => b.LotId == lotId && b.Status == BidStatus.Current).ToListAsync(ct);

        // Nothing is written until every bid is checked: the opening, its bids, the lot's failure and the Ledger entries
        // are saved in one transaction below, so a process that dies part way leaves nothing, and the next pass (on this
        // node after a restart, or on another) extracts from the start.
        var extracted = new List<OpeningBid>(bids.Count);
        var pause = TimeSpan.FromMilliseconds(Math.Max(0, options.Value.ExtractionPauseMilliseconds));
        foreach (var b in bids.OrderBy(b => b.CompletedAt))
        {
            extracted.Add(new OpeningBid
            {
                BidId = b.Id,
                LotId = lotId,
                OrganizationId = b.OrganizationId,
                CreditCode = b.CreditCode,
                BidderName = b.BidderName,
                Digest = b.Digest,
                Size = b.Size,
                ArrivedAt = b.CompletedAt,
                SealIntact = SealIntact(lotId, b),
            });
            if (pause > TimeSpan.Zero && extracted.Count < bids.Count)
            {
                OpeningLog.ExtractionPaused(logger, lot.TradeCode, (long)pause.TotalMilliseconds, extracted.Count, bids.Count);
                await Task.Delay(pause, clock, ct);
            }
        }

        var rule = project.Regime == Regime.Tender ? StatutoryRules.TenderOpeningBidders : StatutoryRules.ProcurementOpeningBidders;
        var effective = await rules.EffectiveAsync(rule.Key, project.RegionCode, ct);
        var minimum = (int)decimal.Ceiling(effective.Value);
        var drafts = new List<LedgerDraft>
        {
            new("trading.opening.extracted", $"lot:{lot.TradeCode}", new
            {
                lot = lot.TradeCode,
                deadline,
                extractedAt = now,
                by = ProcedureClock.Actor,
                bids = extracted.Select(b => new { bid = b.BidId, bidder = b.CreditCode, name = b.BidderName, arrivedAt = b.ArrivedAt, digest = b.Digest, sealIntact = b.SealIntact }),
            }),
        };

        BidOpening opening;
        if (extracted.Count < minimum)
        {
            var reason = Format("投标截止时间 {0}（北京时间）递交投标文件的投标人为 {1} 个，少于 {2} 个，不得开标（依据：{3}）。",
                ChinaTime.Format(deadline), extracted.Count, minimum, effective.Source);
            var next = project.Regime == Regime.Tender ? OpeningErrors.TenderNextStep : OpeningErrors.ProcurementNextStep;
            opening = new BidOpening
            {
                LotId = lotId,
                Stage = OpeningStage.NotOpened,
                Deadline = deadline,
                ExtractedAt = now,
                BidCount = extracted.Count,
                NotOpenedReason = reason,
                NextStep = next,
                Bids = extracted,
            };
            var procedure = lot.Procedure(project.Regime)!;
            procedure.Fail(reason, now);
            lot.Record(procedure, ProcedureClock.Actor);
            drafts.Add(new LedgerDraft("trading.opening.not-opened", $"lot:{lot.TradeCode}",
                new { lot = lot.TradeCode, bids = extracted.Count, minimum, reason, nextStep = next, by = ProcedureClock.Actor }));
            drafts.Add(new LedgerDraft("trading.lot.failed", $"lot:{lot.TradeCode}",
                new { lot = lot.TradeCode, from = LotState.DeadlinePassed.ToString(), to = LotState.Failed.ToString(), at = now, reason, by = ProcedureClock.Actor }));
        }
        else
        {
            var minutes = settings?.DecryptionMinutes ?? options.Value.DecryptionMinutes;
            opening = new BidOpening
            {
                LotId = lotId,
                Stage = OpeningStage.Decrypting,
                Deadline = deadline,
                ExtractedAt = now,
                BidCount = extracted.Count,
                DecryptionOpensAt = now,
                DecryptionEndsAt = now.AddMinutes(minutes),
                Bids = extracted,
            };
            drafts.Add(new LedgerDraft("trading.opening.decryption-opened", $"lot:{lot.TradeCode}",
                new { lot = lot.TradeCode, opensAt = now, endsAt = opening.DecryptionEndsAt, minutes, by = ProcedureClock.Actor }));
        }

        db.BidOpenings.Add(opening);
        await ledger.SaveChangesAsync(db, drafts, ct);
        return true;
    }

    /// <summary>At the end of the window: every bid not yet decrypted is revoked (撤销, the bidder's fault), once.</summary>
    public async Task<bool> EndWindowAsync(Guid lotId, DateTimeOffset now, CancellationToken ct)
    {
        var opening = await db.BidOpenings.Include(o => o.Bids).SingleAsync(o => o.LotId == lotId, ct);
        if (opening.Stage != OpeningStage.Decrypting || now < opening.DecryptionEndsAt)
        {
            return false;
        }

        var lot = await db.Lots.AsNoTracking().SingleAsync(l => l.Id == lotId, ct);
        await SaveAsync(await EndDecryptionAsync(opening, lot, now, ProcedureClock.Actor, ct), ct);
        return true;
    }

    // ---- The hall ----

    public async Task<OpeningView> HallAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var (project, lot, opening) = await OpeningAsync(lotId, ct);
        var user = TradingUser.From(principal);
        EnsureWatches(principal, user, project, opening);
        return await ViewAsync(principal, project, lot, opening, ct);
    }

    public async Task<OpeningView> SignInAsync(ClaimsPrincipal principal, Guid lotId, OpeningSignInInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = TradingUser.From(principal);
        var (project, lot, opening) = await OpeningAsync(lotId, ct);
        var bid = OwnBid(user, opening);
        EnsureStage(opening, "签到", OpeningStage.Decrypting, OpeningStage.DecryptionClosed, OpeningStage.ReadOut);
        if (!await db.OpeningAttendance.AnyAsync(a => a.LotId == lotId && a.OrganizationId == bid.OrganizationId, ct))
        {
            string method = "session";
            string? fingerprint = null;
            if (input.ChallengeId is { } challenge)
            {
                var who = await certificates.CompleteAsync(challenge, input.Signature ?? "", ct);
                var organization = await platform.Users.AsNoTracking().Where(u => u.UserName == who.UserName).Select(u => u.OrganizationId).SingleOrDefaultAsync(ct);
                if (organization != bid.OrganizationId)
                {
                    throw Refuse(OpeningErrors.CodeSignIn, OpeningErrors.SignInNotYours);
                }

                method = "certificate";
                fingerprint = who.Fingerprint;
            }

            db.OpeningAttendance.Add(new OpeningAttendance
            {
                Id = Guid.CreateVersion7(now),
                LotId = lotId,
                OrganizationId = bid.OrganizationId,
                UserName = user.UserName,
                Method = method,
                CertificateFingerprint = fingerprint,
                At = now,
            });
            try
            {
                await SaveAsync(new LedgerDraft("trading.opening.signed-in", $"lot:{lot.TradeCode}",
                    new { lot = lot.TradeCode, bidder = bid.CreditCode, name = bid.BidderName, user = user.UserName, method, certificate = fingerprint, at = now }), ct);
            }
            catch (DbUpdateException)
            {
                // Signed in at the same instant by another representative: present either way.
                db.ChangeTracker.Clear();
            }
        }

        return await ViewAsync(principal, project, lot, await ReloadAsync(lotId, ct), ct);
    }

    public async Task<OpeningBidView> DecryptAsync(ClaimsPrincipal principal, Guid lotId, OpeningDecryptInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = TradingUser.From(principal);
        var (project, lot, opening) = await OpeningAsync(lotId, ct, tracked: true);
        var bid = OwnBid(user, opening);
        EnsureStage(opening, "解密", OpeningStage.Decrypting);
        if (now < opening.DecryptionOpensAt || now >= opening.DecryptionEndsAt)
        {
            throw Refuse(OpeningErrors.CodeWindow, Format(OpeningErrors.WindowClosed, ChinaTime.Format(opening.DecryptionOpensAt!.Value),
                ChinaTime.Format(opening.DecryptionEndsAt!.Value)), 409, OpeningErrors.FailureCitation);
        }

        if (bid.Outcome != OpeningOutcome.Pending)
        {
            throw Refuse(OpeningErrors.CodeDecided, Format(OpeningErrors.Decided, OutcomeLabel(bid.Outcome)), 409);
        }

        var key = ContentKey(input.ContentKey);
        var settings = await db.OpeningSettings.AsNoTracking().SingleOrDefaultAsync(s => s.LotId == lotId, ct);
        var path = vault.PathOf(lotId, bid.BidId);
        var drafts = new List<LedgerDraft>();
        try
        {
            // The sealing check needs no key: if the stored envelope is not what was receipted, the fault is the platform's.
            string? problem;
            try
            {
                var digest = await opener.CheckAsync(path, ct);
                problem = string.Equals(digest, bid.Digest, StringComparison.Ordinal) ? null : "信封摘要与回执不符";
            }
            catch (EnvelopeException e)
            {
                problem = e.Code;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = "文件无法读取";
            }

            if (problem is not null)
            {
                Decide(bid, OpeningOutcome.Withdrawn, OpeningErrors.CodePlatformFault, Format(OpeningErrors.PlatformFault, problem), now, settings);
                db.TradingNotices.Add(new TradingNotice
                {
                    Id = Guid.CreateVersion7(now),
                    OrganizationId = bid.OrganizationId,
                    LotId = lotId,
                    Kind = TradingNoticeKind.OpeningWithdrawal,
                    SourceId = bid.BidId,
                    Title = $"{lot.TradeCode} 投标文件解密失败（非投标人原因），视为撤回",
                    Body = bid.FailureReason!,
                    CreatedAt = now,
                });
                drafts.Add(Decision(lot, bid, now));
            }
            else
            {
                IReadOnlyList<OpenedSection> sections;
                try
                {
                    sections = await opener.OpenAsync(path, key, ct);
                }
                catch (EnvelopeException e)
                {
                    bid.FailedAttempts++;
                    bid.FailureCode = OpeningErrors.CodeWrongKey;
                    bid.FailureReason = e.Message;
                    bid.Revision++;
                    var left = options.Value.MaxKeyAttempts - bid.FailedAttempts;
                    if (left <= 0)
                    {
                        Decide(bid, OpeningOutcome.Revoked, OpeningErrors.CodeWrongKey, OpeningErrors.WrongKeyFinal, now, settings);
                        drafts.Add(Decision(lot, bid, now));
                    }
                    else
                    {
                        drafts.Add(new LedgerDraft("trading.opening.key-refused", $"lot:{lot.TradeCode}",
                            new { lot = lot.TradeCode, bid = bid.BidId, bidder = bid.CreditCode, code = e.Code, attempt = bid.FailedAttempts, at = now }));
                        opening.Revision++;
                        await SaveAsync(drafts, ct);
                        throw Refuse(OpeningErrors.CodeWrongKey, Format(OpeningErrors.WrongKey, e.Code, left), citation: OpeningErrors.FailureCitation);
                    }

                    sections = [];
                }

                if (sections.Count > 0)
                {
                    await StoreAsync(lot, bid, sections, now, ct);
                    drafts.Add(new LedgerDraft("trading.opening.decrypted", $"lot:{lot.TradeCode}", new
                    {
                        lot = lot.TradeCode,
                        bid = bid.BidId,
                        bidder = bid.CreditCode,
                        at = now,
                        sections = sections.Count,
                        priceSheet = bid.PriceSheetProblem is null,
                    }));
                }
            }
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
        }

        if (opening.Bids.All(b => b.Outcome != OpeningOutcome.Pending))
        {
            drafts.AddRange(await EndDecryptionAsync(opening, lot, now, ProcedureClock.Actor, ct));
        }

        opening.Revision++;
        await SaveAsync(drafts, ct);
        return BidView(bid, opening, own: true, present: false);
    }

    public async Task<OpeningView> CloseDecryptionAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (project, lot, opening) = await OpeningAsync(lotId, ct, tracked: true);
        EnsureStage(opening, "结束解密", OpeningStage.Decrypting);
        if (now < opening.DecryptionEndsAt && opening.Bids.Any(b => b.Outcome == OpeningOutcome.Pending))
        {
            throw Refuse(OpeningErrors.CodePending, Format(OpeningErrors.Pending, ChinaTime.Format(opening.DecryptionEndsAt!.Value)), 409);
        }

        await SaveAsync(await EndDecryptionAsync(opening, lot, now, TradingUser.From(principal).UserName, ct), ct);
        return await ViewAsync(principal, project, lot, await ReloadAsync(lotId, ct), ct);
    }

    public async Task<OpeningView> ReadOutAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = TradingUser.From(principal);
        var (project, lot, opening) = await OpeningAsync(lotId, ct, tracked: true);
        var drafts = new List<LedgerDraft>();
        if (opening.Stage == OpeningStage.Decrypting)
        {
            if (now < opening.DecryptionEndsAt && opening.Bids.Any(b => b.Outcome == OpeningOutcome.Pending))
            {
                throw Refuse(OpeningErrors.CodePending, Format(OpeningErrors.Pending, ChinaTime.Format(opening.DecryptionEndsAt!.Value)), 409);
            }

            drafts.AddRange(await EndDecryptionAsync(opening, lot, now, user.UserName, ct));
        }

        EnsureStage(opening, "唱标", OpeningStage.DecryptionClosed);
        var settings = await db.OpeningSettings.AsNoTracking().SingleOrDefaultAsync(s => s.LotId == lotId, ct);
        var attendance = await db.OpeningAttendance.AsNoTracking().Where(a => a.LotId == lotId).ToListAsync(ct);
        var record = new
        {
            format = RecordFormatV1,
            lotId = lot.Id,
            lotCode = lot.TradeCode,
            lotName = lot.Name,
            projectCode = project.TradeCode,
            projectName = project.Name,
            tenderer = project.TendererName,
            agency = project.AgencyName,
            deadline = opening.Deadline,
            extractedAt = opening.ExtractedAt,
            decryption = new { opensAt = opening.DecryptionOpensAt, endsAt = opening.DecryptionEndsAt, closedAt = opening.DecryptionClosedAt },
            readOutAt = now,
            host = user.UserName,
            referencePrice = settings?.ReferencePrice is { } reference ? PriceSheet.Format(reference) : null,
            maxPrice = settings?.MaxPrice is { } max ? PriceSheet.Format(max) : null,
            items = ItemsOf(project, settings),
            fallback = settings?.Fallback,
            bids = opening.Bids.OrderBy(b => b.ArrivedAt).Select(b => new
            {
                bidder = b.BidderName,
                creditCode = b.CreditCode,
                arrivedAt = b.ArrivedAt,
                digest = b.Digest,
                sealIntact = b.SealIntact,
                outcome = OutcomeName(b.Outcome),
                failure = b.FailureCode,
                failureReason = b.Outcome == OpeningOutcome.Decrypted ? null : b.FailureReason,
                totalPrice = b.TotalPrice,
                items = Items(b),
                priceSheetProblem = b.PriceSheetProblem,
                fallbackOffered = b.FallbackOffered,
            }),
            attendance = attendance.OrderBy(a => a.At).Select(a => new
            {
                bidder = opening.Bids.First(b => b.OrganizationId == a.OrganizationId).CreditCode,
                user = a.UserName,
                method = a.Method,
                at = a.At,
            }),
        };
        var json = JsonSerializer.Serialize(record, RecordJson);
        var bytes = Encoding.UTF8.GetBytes(json);
        opening.RecordJson = json;
        opening.RecordSignature = Convert.ToBase64String(signer.Sign(bytes));
        opening.RecordDigest = Sm3.HashHex(bytes);
        opening.KeyFingerprint = signer.PublicKey.Fingerprint;
        opening.ReadOutAt = now;
        opening.ReadOutBy = user.UserName;
        opening.Stage = OpeningStage.ReadOut;
        opening.Revision++;
        drafts.Add(new LedgerDraft("trading.opening.read-out", $"lot:{lot.TradeCode}", new
        {
            lot = lot.TradeCode,
            at = now,
            by = user.UserName,
            record = opening.RecordDigest,
            bids = opening.Bids.OrderBy(b => b.ArrivedAt).Select(b => new { bidder = b.CreditCode, outcome = OutcomeName(b.Outcome), price = b.TotalPrice }),
        }));
        await SaveAsync(drafts, ct);
        return await ViewAsync(principal, project, lot, await ReloadAsync(lotId, ct), ct);
    }

    public async Task<OpeningView> ConfirmAsync(ClaimsPrincipal principal, Guid lotId, OpeningConfirmInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = TradingUser.From(principal);
        var (project, lot, opening) = await OpeningAsync(lotId, ct, tracked: true);
        var bid = OwnBid(user, opening);
        EnsureStage(opening, "确认开标记录", OpeningStage.ReadOut);
        if (!await db.OpeningAttendance.AnyAsync(a => a.LotId == lotId && a.OrganizationId == bid.OrganizationId, ct))
        {
            throw Refuse(OpeningErrors.CodeNotPresent, OpeningErrors.NotPresent, 409, OpeningErrors.DeemedCitation);
        }

        if (!string.IsNullOrEmpty(input.RecordDigest) && !string.Equals(input.RecordDigest.Trim().ToLowerInvariant(), opening.RecordDigest, StringComparison.Ordinal))
        {
            throw Refuse(OpeningErrors.CodeRecordDigest, OpeningErrors.RecordDigest, field: "recordDigest");
        }

        if (bid.ConfirmedAt is null)
        {
            bid.ConfirmedAt = now;
            bid.ConfirmedBy = user.UserName;
            bid.Revision++;
            opening.Revision++;
            await SaveAsync(new LedgerDraft("trading.opening.confirmed", $"lot:{lot.TradeCode}",
                new { lot = lot.TradeCode, bidder = bid.CreditCode, user = user.UserName, record = opening.RecordDigest, at = now }), ct);
        }

        return await ViewAsync(principal, project, lot, await ReloadAsync(lotId, ct), ct);
    }

    public async Task<OpeningObjectionView> RaiseObjectionAsync(ClaimsPrincipal principal, Guid lotId, OpeningObjectionInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = TradingUser.From(principal);
        var (_, lot, opening) = await OpeningAsync(lotId, ct, tracked: true);
        var bid = OwnBid(user, opening);
        EnsureStage(opening, "提出开标异议", OpeningStage.Decrypting, OpeningStage.DecryptionClosed, OpeningStage.ReadOut);
        var text = Text(input.Text, OpeningErrors.ObjectionText, "text");
        var objection = new OpeningObjection
        {
            Id = Guid.CreateVersion7(now),
            LotId = lotId,
            OrganizationId = bid.OrganizationId,
            BidderName = bid.BidderName,
            RaisedBy = user.UserName,
            RaisedAt = now,
            Text = text,
        };
        db.OpeningObjections.Add(objection);
        opening.Revision++;
        await SaveAsync(new LedgerDraft("trading.opening.objection-raised", $"lot:{lot.TradeCode}",
            new { lot = lot.TradeCode, objection = objection.Id, bidder = bid.CreditCode, user = user.UserName, text, at = now }), ct);
        return ObjectionView(objection);
    }

    public async Task<OpeningObjectionView> AnswerObjectionAsync(
        ClaimsPrincipal principal, Guid lotId, Guid objectionId, OpeningAnswerInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = TradingUser.From(principal);
        var (project, lot, opening) = await OpeningAsync(lotId, ct, tracked: true);
        EnsureRuns(user, project);
        var objection = await db.OpeningObjections.SingleOrDefaultAsync(o => o.Id == objectionId && o.LotId == lotId, ct)
            ?? throw new NotFoundException(OpeningErrors.ObjectionNotFound);
        EnsureStage(opening, "答复开标异议", OpeningStage.Decrypting, OpeningStage.DecryptionClosed, OpeningStage.ReadOut);
        if (objection.Answer is not null)
        {
            throw Refuse(OpeningErrors.CodeAnswered, OpeningErrors.Answered, 409);
        }

        objection.Answer = Text(input.Answer, OpeningErrors.AnswerText, "answer");
        objection.AnsweredBy = user.UserName;
        objection.AnsweredAt = now;
        objection.Revision++;
        opening.Revision++;
        await SaveAsync(new LedgerDraft("trading.opening.objection-answered", $"lot:{lot.TradeCode}",
            new { lot = lot.TradeCode, objection = objection.Id, user = user.UserName, answer = objection.Answer, at = now }), ct);
        return ObjectionView(objection);
    }

    public async Task<OpeningView> CloseAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = TradingUser.From(principal);
        var (project, lot, opening) = await OpeningAsync(lotId, ct, tracked: true);
        EnsureStage(opening, "结束开标", OpeningStage.ReadOut);
        if (await db.OpeningObjections.AnyAsync(o => o.LotId == lotId && o.Answer == null, ct))
        {
            throw Refuse(OpeningErrors.CodeObjectionOpen, OpeningErrors.ObjectionOpen, 409, OpeningErrors.ObjectionCitation);
        }

        var deemed = new List<string>();
        foreach (var bid in opening.Bids.Where(b => b.ConfirmedAt is null))
        {
            bid.DeemedAccepted = true;
            bid.Revision++;
            deemed.Add(bid.CreditCode);
        }

        opening.Stage = OpeningStage.Closed;
        opening.ClosedAt = now;
        opening.ClosedBy = user.UserName;
        opening.Revision++;
        await SaveAsync(
        [
            new LedgerDraft("trading.opening.closed", $"lot:{lot.TradeCode}",
                new { lot = lot.TradeCode, at = now, by = user.UserName, record = opening.RecordDigest, deemedAccepted = deemed }),
            new LedgerDraft("trading.opening.published", $"lot:{lot.TradeCode}", new { lot = lot.TradeCode, record = opening.RecordDigest, at = now }),
        ], ct);
        return await ViewAsync(principal, project, lot, await ReloadAsync(lotId, ct), ct);
    }

    // ---- Recordings (87号令 第三十九条) ----

    public async Task<OpeningRecordingView> RegisterRecordingAsync(ClaimsPrincipal principal, Guid lotId, OpeningRecordingInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = TradingUser.From(principal);
        var (_, lot, opening) = await OpeningAsync(lotId, ct);
        if (!user.IsCenter)
        {
            throw Refuse(OpeningErrors.CodeNotYours, OpeningErrors.RecordingsNotYours, 403);
        }

        var locator = input.Locator?.Trim();
        if (locator is not { Length: > 0 and <= 1000 } || locator.Any(char.IsControl))
        {
            throw Refuse(OpeningErrors.CodeRecording, OpeningErrors.RecordingLocator, citation: OpeningErrors.RecordingCitation, field: "locator");
        }

        var digest = input.Digest?.Trim().ToLowerInvariant();
        if (digest is not { Length: 64 } || !digest.All(Uri.IsHexDigit))
        {
            throw Refuse(OpeningErrors.CodeRecordingDigest, OpeningErrors.RecordingDigest, citation: OpeningErrors.RecordingCitation, field: "digest");
        }

        if (input.StartedAt?.ToUniversalTime() is not { } started || input.EndedAt?.ToUniversalTime() is not { } ended)
        {
            throw Refuse(OpeningErrors.CodeRecordingTime, OpeningErrors.RecordingTimesMissing, field: input.StartedAt is null ? "startedAt" : "endedAt");
        }

        var timeProblem = ended <= started ? OpeningErrors.RecordingTimesOrder
            : ended > now ? Format(OpeningErrors.RecordingTimesFuture, ChinaTime.Format(ended), ChinaTime.Format(now))
            : ended - started > TimeSpan.FromHours(24) ? OpeningErrors.RecordingTimesLength
            : ended <= opening.Deadline ? Format(OpeningErrors.RecordingTimesCover, ChinaTime.Format(opening.Deadline))
            : null;
        if (timeProblem is not null)
        {
            throw Refuse(OpeningErrors.CodeRecordingTime, timeProblem, citation: OpeningErrors.RecordingCitation, field: "endedAt");
        }

        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (note is { Length: > 500 })
        {
            throw Refuse(OpeningErrors.CodeRecording, OpeningErrors.RecordingNote, field: "note");
        }

        var duplicate = Refuse(OpeningErrors.CodeRecordingDuplicate, Format(OpeningErrors.RecordingDuplicate, digest), 409);
        if (await db.OpeningRecordings.AnyAsync(r => r.LotId == lotId && r.Digest == digest, ct))
        {
            throw duplicate;
        }

        var recording = new OpeningRecording
        {
            Id = Guid.CreateVersion7(now),
            LotId = lotId,
            Locator = locator,
            Digest = digest,
            StartedAt = started,
            EndedAt = ended,
            Note = note,
            RegisteredBy = user.UserName,
            RegisteredAt = now,
        };
        db.OpeningRecordings.Add(recording);
        try
        {
            await ledger.SaveChangesAsync(db, [new LedgerDraft("trading.opening.recording-registered", $"lot:{lot.TradeCode}", new
            {
                lot = lot.TradeCode,
                recording = recording.Id,
                locator,
                digest,
                startedAt = started,
                endedAt = ended,
                note,
                by = user.UserName,
                at = now,
            }),
            ], ct);
        }
        catch (DbUpdateException)
        {
            // Registered at the same moment by someone else: the unique index on (lot, digest) keeps one.
            db.ChangeTracker.Clear();
            if (await db.OpeningRecordings.AnyAsync(r => r.LotId == lotId && r.Digest == digest, ct))
            {
                throw duplicate;
            }

            throw;
        }

        return RecordingView(recording);
    }

    public async Task<IReadOnlyList<OpeningRecordingView>> RecordingsAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var (_, lot, _) = await OpeningAsync(lotId, ct);
        if (!SeesRecordings(user))
        {
            throw Refuse(OpeningErrors.CodeNotYours, OpeningErrors.RecordingsNotYours, 403);
        }

        return await RecordingsOfAsync(lot.Id, ct);
    }

    private static bool SeesRecordings(TradingUser user) => user.IsCenter || user.IsRegulator || user.IsSupervisor;

    private async Task<IReadOnlyList<OpeningRecordingView>> RecordingsOfAsync(Guid lotId, CancellationToken ct) =>
        [.. (await db.OpeningRecordings.AsNoTracking().Where(r => r.LotId == lotId).ToListAsync(ct))
            .OrderBy(r => r.StartedAt).ThenBy(r => r.RegisteredAt).Select(RecordingView)];

    private static OpeningRecordingView RecordingView(OpeningRecording r) =>
        new(r.Id, r.Locator, r.Digest, r.StartedAt, r.EndedAt, r.Note, r.RegisteredBy, r.RegisteredAt);

    // ---- The portal ----

    public async Task<IReadOnlyList<PublishedOpeningSummary>> PublishedAsync(CancellationToken ct)
    {
        var openings = await db.BidOpenings.AsNoTracking().Where(o => o.Stage == OpeningStage.Closed).ToListAsync(ct);
        var lotIds = openings.Select(o => o.LotId).ToList();
        var lots = await db.Lots.AsNoTracking().Where(l => lotIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var projectIds = lots.Values.Select(l => l.ProjectId).Distinct().ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return
        [
            .. openings.OrderByDescending(o => o.ClosedAt).Select(o => new PublishedOpeningSummary(o.LotId, lots[o.LotId].TradeCode, lots[o.LotId].Name,
                projects[lots[o.LotId].ProjectId].Name, o.ClosedAt!.Value, o.BidCount)),
        ];
    }

    public async Task<PublishedOpeningView> PublishedAsync(Guid lotId, CancellationToken ct)
    {
        var opening = await db.BidOpenings.AsNoTracking().Include(o => o.Bids).SingleOrDefaultAsync(o => o.LotId == lotId && o.Stage == OpeningStage.Closed, ct)
            ?? throw new NotFoundException("没有找到该标段已公布的开标记录。");
        var lot = await db.Lots.AsNoTracking().SingleAsync(l => l.Id == lotId, ct);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == lot.ProjectId, ct);
        var present = await PresentAsync(lotId, ct);
        var objections = await db.OpeningObjections.AsNoTracking().Where(o => o.LotId == lotId).OrderBy(o => o.RaisedAt).ToListAsync(ct);
        return new PublishedOpeningView(lot.Id, lot.TradeCode, lot.Name, project.Name, opening.Deadline, opening.ClosedAt!.Value, Record(opening)!,
            [.. opening.Bids.OrderBy(b => b.ArrivedAt).Select(b => BidView(b, opening, own: false, present.Contains(b.OrganizationId)))],
            [.. objections.Select(ObjectionView)]);
    }

    // ---- Helpers ----

    private async Task<List<LedgerDraft>> EndDecryptionAsync(BidOpening opening, Lot lot, DateTimeOffset now, string actor, CancellationToken ct)
    {
        var settings = await db.OpeningSettings.AsNoTracking().SingleOrDefaultAsync(s => s.LotId == lot.Id, ct);
        var drafts = new List<LedgerDraft>();
        foreach (var bid in opening.Bids.Where(b => b.Outcome == OpeningOutcome.Pending))
        {
            var wrongKey = bid.FailedAttempts > 0;
            Decide(bid, OpeningOutcome.Revoked, wrongKey ? OpeningErrors.CodeWrongKey : OpeningErrors.CodeNoShow,
                wrongKey ? OpeningErrors.WrongKeyAtEnd : OpeningErrors.NoShow, now, settings);
            drafts.Add(Decision(lot, bid, now));
        }

        opening.Stage = OpeningStage.DecryptionClosed;
        opening.DecryptionClosedAt = now;
        opening.DecryptionClosedBy = actor;
        opening.Revision++;
        drafts.Add(new LedgerDraft("trading.opening.decryption-closed", $"lot:{lot.TradeCode}", new
        {
            lot = lot.TradeCode,
            at = now,
            by = actor,
            decrypted = opening.Bids.Count(b => b.Outcome == OpeningOutcome.Decrypted),
            revoked = opening.Bids.Count(b => b.Outcome == OpeningOutcome.Revoked),
            withdrawn = opening.Bids.Count(b => b.Outcome == OpeningOutcome.Withdrawn),
        }));
        return drafts;
    }

    private static void Decide(OpeningBid bid, OpeningOutcome outcome, string code, string reason, DateTimeOffset now, LotOpeningSettings? settings)
    {
        bid.Outcome = outcome;
        bid.FailureCode = code;
        bid.FailureReason = reason;
        bid.DecidedAt = now;
        bid.FallbackOffered = settings?.Fallback is not null;
        bid.Revision++;
    }

    private static LedgerDraft Decision(Lot lot, OpeningBid bid, DateTimeOffset now) =>
        new(bid.Outcome == OpeningOutcome.Withdrawn ? "trading.opening.bid-withdrawn" : "trading.opening.bid-revoked", $"lot:{lot.TradeCode}", new
        {
            lot = lot.TradeCode,
            bid = bid.BidId,
            bidder = bid.CreditCode,
            code = bid.FailureCode,
            reason = bid.FailureReason,
            fallbackOffered = bid.FallbackOffered,
            at = now,
        });

    private async Task StoreAsync(Lot lot, OpeningBid bid, IReadOnlyList<OpenedSection> sections, DateTimeOffset now, CancellationToken ct)
    {
        var stored = new List<object>();
        byte[]? priceSheet = null;
        foreach (var section in sections)
        {
            await using (section.Content)
            {
                if (priceSheet is null && string.Equals(section.Name, SealedEnvelope.PriceSheet, StringComparison.Ordinal))
                {
                    using var copy = new MemoryStream();
                    await section.Content.CopyToAsync(copy, ct);
                    priceSheet = copy.ToArray();
                    section.Content.Position = 0;
                }

                var id = await blobs.PutAsync(section.Content, ct);
                stored.Add(new { name = section.Name, fileName = section.FileName, length = section.Length, blob = id.Value });
            }
        }

        var (sheet, problem) = PriceSheet.Parse(priceSheet ?? []);
        if (sheet is not null && !string.Equals(sheet.LotCode, lot.TradeCode, StringComparison.Ordinal))
        {
            problem = $"开标一览表中的标段编号 {sheet.LotCode} 不是本标段的 {lot.TradeCode}。";
        }
        else if (sheet is not null && !string.Equals(sheet.BidderCreditCode, bid.CreditCode, StringComparison.Ordinal))
        {
            problem = $"开标一览表中的统一社会信用代码 {sheet.BidderCreditCode} 不是投标人的 {bid.CreditCode}。";
        }

        bid.Outcome = OpeningOutcome.Decrypted;
        bid.DecidedAt = now;
        bid.FailureCode = null;
        bid.FailureReason = null;
        bid.SectionsJson = JsonSerializer.Serialize(stored, RecordJson);
        bid.TotalPrice = sheet is not null && problem is null ? PriceSheet.Format(sheet.TotalPrice) : null;
        bid.ItemsJson = sheet is not null && problem is null ? JsonSerializer.Serialize(sheet.Items, RecordJson) : null;
        bid.PriceSheetProblem = problem;
        bid.Revision++;
    }

    private bool SealIntact(Guid lotId, Bid bid)
    {
        var path = vault.PathOf(lotId, bid.Id);
        try
        {
            return new FileInfo(path) is { Exists: true } file && file.Length == bid.Size
                && string.Equals(SealedEnvelope.DigestOfFile(path), bid.Digest, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EnvelopeException)
        {
            return false;
        }
    }

    private async Task<OpeningView> ViewAsync(ClaimsPrincipal principal, Project project, Lot lot, BidOpening opening, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var settings = await db.OpeningSettings.AsNoTracking().SingleOrDefaultAsync(s => s.LotId == lot.Id, ct);
        var attendance = await db.OpeningAttendance.AsNoTracking().Where(a => a.LotId == lot.Id).OrderBy(a => a.At).ToListAsync(ct);
        var objections = await db.OpeningObjections.AsNoTracking().Where(o => o.LotId == lot.Id).OrderBy(o => o.RaisedAt).ToListAsync(ct);
        var present = attendance.Select(a => a.OrganizationId).ToHashSet();
        var now = clock.GetUtcNow();
        var mine = opening.Bids.FirstOrDefault(b => b.OrganizationId == user.OrganizationId);
        OpeningMineView? mineView = mine is null ? null : new OpeningMineView(OutcomeName(mine.Outcome), present.Contains(mine.OrganizationId),
            opening.Stage == OpeningStage.Decrypting && mine.Outcome == OpeningOutcome.Pending && now >= opening.DecryptionOpensAt && now < opening.DecryptionEndsAt,
            opening.Stage == OpeningStage.ReadOut && mine.ConfirmedAt is null && present.Contains(mine.OrganizationId), mine.ConfirmedAt is not null,
            mine.FallbackOffered ? settings?.Fallback : null);
        var bidderOf = opening.Bids.ToDictionary(b => b.OrganizationId);
        return new OpeningView(lot.Id, lot.TradeCode, lot.Name, project.Name, project.Regime == Regime.Tender ? "tender" : "procurement",
            StageName(opening.Stage), StageLabel(opening.Stage), opening.Deadline, opening.ExtractedAt, opening.DecryptionOpensAt, opening.DecryptionEndsAt,
            ItemsOf(project, settings), settings?.ReferencePrice, settings?.MaxPrice, settings?.Fallback, Steps(opening, attendance),
            [.. attendance.Where(a => bidderOf.ContainsKey(a.OrganizationId)).Select(a => new OpeningAttendanceView(bidderOf[a.OrganizationId].BidderName,
                bidderOf[a.OrganizationId].CreditCode, a.UserName, a.Method, a.At))],
            [.. opening.Bids.OrderBy(b => b.ArrivedAt).Select(b => BidView(b, opening, b.OrganizationId == user.OrganizationId, present.Contains(b.OrganizationId)))],
            [.. objections.Select(ObjectionView)], Record(opening), opening.NotOpenedReason, opening.NextStep, mineView,
            user.IsCenter, user.RunsProject(project),
            opening.Revision + attendance.Count + objections.Count + objections.Count(o => o.Answer is not null))
        {
            Recordings = SeesRecordings(user) ? await RecordingsOfAsync(lot.Id, ct) : null,
        };
    }

    private static IReadOnlyList<OpeningStepView> Steps(BidOpening o, List<OpeningAttendance> attendance)
    {
        var notOpened = o.Stage == OpeningStage.NotOpened;
        string State(bool done, bool current) => done ? "done" : current ? "current" : notOpened ? "skipped" : "pending";
        var s = o.Stage;
        return
        [
            new("sign-in", "签到", notOpened ? "skipped" : State(s == OpeningStage.Closed, true), attendance.Count > 0 ? attendance[0].At : null, null),
            new("extraction", "提取投标文件", "done", o.ExtractedAt, ProcedureClock.Actor),
            new("decryption", "解密", State(s is OpeningStage.DecryptionClosed or OpeningStage.ReadOut or OpeningStage.Closed, s == OpeningStage.Decrypting),
                o.DecryptionClosedAt ?? o.DecryptionOpensAt, o.DecryptionClosedBy ?? (o.DecryptionOpensAt is null ? null : ProcedureClock.Actor)),
            new("read-out", "唱标", State(s is OpeningStage.ReadOut or OpeningStage.Closed, s == OpeningStage.DecryptionClosed), o.ReadOutAt, o.ReadOutBy),
            new("confirmation", "开标记录确认", State(s == OpeningStage.Closed, s == OpeningStage.ReadOut), o.ReadOutAt, null),
            new("close", "结束", State(s == OpeningStage.Closed, false), o.ClosedAt, o.ClosedBy),
        ];
    }

    private static OpeningBidView BidView(OpeningBid b, BidOpening opening, bool own, bool present)
    {
        // Prices are read out (唱标) to all at once; before that only the bidder itself sees its own decrypted price sheet.
        var disclosed = opening.Stage is OpeningStage.ReadOut or OpeningStage.Closed || own;
        return new OpeningBidView(b.BidId, b.BidderName, b.CreditCode, b.ArrivedAt, b.Digest, b.Size, b.SealIntact, OutcomeName(b.Outcome),
            OutcomeLabel(b.Outcome), b.DecidedAt, b.FailureCode, b.Outcome == OpeningOutcome.Decrypted ? null : b.FailureReason, b.FailedAttempts,
            disclosed ? b.TotalPrice : null, disclosed ? Items(b) : null, disclosed ? b.PriceSheetProblem : null, b.FallbackOffered, present,
            b.ConfirmedAt, b.DeemedAccepted);
    }

    private static Dictionary<string, string>? Items(OpeningBid b) =>
        b.ItemsJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(b.ItemsJson, RecordJson);

    private static OpeningRecordView? Record(BidOpening o) =>
        o.RecordJson is null ? null : new OpeningRecordView(o.RecordJson, o.RecordSignature!, o.RecordDigest!, o.KeyFingerprint!);

    private static OpeningObjectionView ObjectionView(OpeningObjection o) =>
        new(o.Id, o.BidderName, o.RaisedBy, o.RaisedAt, o.Text, o.Answer, o.AnsweredBy, o.AnsweredAt);

    private OpeningSettingsView SettingsView(Project project, Lot lot, LotOpeningSettings? s) =>
        new(lot.Id, lot.TradeCode, ItemsOf(project, s), s?.DecryptionMinutes ?? options.Value.DecryptionMinutes, s?.DecryptionMinutes is null, s?.Fallback,
            s?.ReferencePrice, s?.MaxPrice, s is null, s?.UpdatedAt, s?.UpdatedBy, SettingsOpen(lot, clock.GetUtcNow()))
        {
            Prequalification = lot.Prequalification,
        };

    /// <summary>The settings go with the tender documents: they may change until the deadline, not after it nor once the lot ended.</summary>
    private static bool SettingsOpen(Lot lot, DateTimeOffset now) =>
        (lot.Deadline is not { } deadline || now < deadline) && lot.State is not (LotState.Failed or LotState.Terminated or LotState.DeadlinePassed);

    private static IReadOnlyList<string> ItemsOf(Project project, LotOpeningSettings? settings) =>
        settings is null ? DefaultItems(project.Regime) : JsonSerializer.Deserialize<List<string>>(settings.ItemsJson, RecordJson)!;

    private static IReadOnlyList<string> DefaultItems(Regime regime) => regime == Regime.Tender ? TenderItems : ProcurementItems;

    private async Task<HashSet<Guid>> PresentAsync(Guid lotId, CancellationToken ct) =>
        [.. await db.OpeningAttendance.AsNoTracking().Where(a => a.LotId == lotId).Select(a => a.OrganizationId).ToListAsync(ct)];

    private async Task<(Project Project, Lot Lot)> LotAsync(Guid lotId, CancellationToken ct)
    {
        var lot = await db.Lots.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lotId, ct);
        var project = lot is null ? null : await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == lot.ProjectId, ct);
        return project is null || lot is null || !project.IsAccepted || lot.State == LotState.Draft
            ? throw new NotFoundException(OpeningErrors.LotNotFound)
            : (project, lot);
    }

    /// <summary>
    /// The lot and its opening; before the deadline nobody learns anything, after it the extraction may lag by one clock
    /// pass — which also moves a lot still open for bids to 投标已截止, so such a lot is being extracted as well.
    /// </summary>
    private async Task<(Project Project, Lot Lot, BidOpening Opening)> OpeningAsync(Guid lotId, CancellationToken ct, bool tracked = false)
    {
        var (project, lot) = await LotAsync(lotId, ct);
        var query = tracked ? db.BidOpenings : db.BidOpenings.AsNoTracking();
        var opening = await query.Include(o => o.Bids).SingleOrDefaultAsync(o => o.LotId == lotId, ct);
        if (opening is null)
        {
            throw lot.Deadline is { } deadline && clock.GetUtcNow() >= deadline && !lot.Prequalification
                && lot.State is LotState.Announced or LotState.DocumentsOnSale or LotState.BiddingOpen or LotState.DeadlinePassed
                ? Refuse(OpeningErrors.CodeNotExtracted, OpeningErrors.NotExtracted, 409, OpeningErrors.OpeningCitation)
                : Refuse(OpeningErrors.CodeNotYet, OpeningErrors.NotYet, 403, OpeningErrors.SecrecyCitation);
        }

        return (project, lot, opening);
    }

    private async Task<BidOpening> ReloadAsync(Guid lotId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.BidOpenings.AsNoTracking().Include(o => o.Bids).SingleAsync(o => o.LotId == lotId, ct);
    }

    private static void EnsureWatches(ClaimsPrincipal principal, TradingUser user, Project project, BidOpening opening)
    {
        if (!(user.MayRead(project) || principal.IsInRole(Roles.SocialSupervisor) || opening.Bids.Any(b => b.OrganizationId == user.OrganizationId)))
        {
            throw Refuse(OpeningErrors.CodeNotYours, OpeningErrors.NotYours, 403);
        }
    }

    private static void EnsureRuns(TradingUser user, Project project)
    {
        if (!user.RunsProject(project))
        {
            throw Refuse(OpeningErrors.CodeNotYours, OpeningErrors.NotRunning, 403);
        }
    }

    private static OpeningBid OwnBid(TradingUser user, BidOpening opening) =>
        opening.Bids.FirstOrDefault(b => b.OrganizationId == user.OrganizationId)
        ?? throw Refuse(OpeningErrors.CodeNotABidder, OpeningErrors.NotABidder, 403);

    private static void EnsureStage(BidOpening opening, string what, params OpeningStage[] allowed)
    {
        if (!allowed.Contains(opening.Stage))
        {
            throw Refuse(OpeningErrors.CodeStage, Format(OpeningErrors.Stage, StageLabel(opening.Stage), what), 409);
        }
    }

    private static byte[] ContentKey(string? text)
    {
        var hex = text?.Trim();
        return hex is { Length: 32 } && hex.All(Uri.IsHexDigit)
            ? Convert.FromHexString(hex)
            : throw Refuse(OpeningErrors.CodeKeyFormat, OpeningErrors.KeyFormat, field: "contentKey");
    }

    private static string Text(string? text, string message, string field)
    {
        var value = text?.Trim();
        return value is { Length: > 0 and <= 2000 } ? value : throw Refuse(OpeningErrors.CodeText, message, field: field);
    }

    private static bool IsPrice(decimal? price) => price is null || (price > 0 && decimal.Round(price.Value, 2) == price && price < 1_000_000_000_000m);

    private Task SaveAsync(LedgerDraft draft, CancellationToken ct) => SaveAsync([draft], ct);

    private async Task SaveAsync(IReadOnlyList<LedgerDraft> drafts, CancellationToken ct)
    {
        try
        {
            await ledger.SaveChangesAsync(db, drafts, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Refuse(OpeningErrors.CodeStage, "开标刚被其他操作更新（如解密时间已到或他人已完成该步骤）：请刷新开标大厅后重试。", 409);
        }
    }

    private static BusinessRuleException Refuse(string code, string message, int status = 422, string? citation = null, string? field = null) =>
        new(message, citation, field) { Code = code, Status = status };

    public static string StageName(OpeningStage s) => s switch
    {
        OpeningStage.Decrypting => "decrypting",
        OpeningStage.DecryptionClosed => "decryption-closed",
        OpeningStage.ReadOut => "read-out",
        OpeningStage.Closed => "closed",
        _ => "not-opened",
    };

    public static string StageLabel(OpeningStage s) => s switch
    {
        OpeningStage.Decrypting => "解密中",
        OpeningStage.DecryptionClosed => "解密结束，待唱标",
        OpeningStage.ReadOut => "已唱标，确认开标记录",
        OpeningStage.Closed => "开标结束",
        _ => "不予开标（招标失败）",
    };

    private static string OutcomeName(OpeningOutcome o) => o switch
    {
        OpeningOutcome.Pending => "pending",
        OpeningOutcome.Decrypted => "decrypted",
        OpeningOutcome.Revoked => "revoked",
        _ => "withdrawn",
    };

    private static string OutcomeLabel(OpeningOutcome o) => o switch
    {
        OpeningOutcome.Pending => "待解密",
        OpeningOutcome.Decrypted => "已解密",
        OpeningOutcome.Revoked => "解密失败（投标人原因），视为撤销",
        _ => "解密失败（非投标人原因），视为撤回",
    };

    private static string Format(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);
}

internal static partial class OpeningLog
{
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Fault injection (Trading:Opening:ExtractionPauseMilliseconds): extraction of lot {Lot} paused {Milliseconds} ms after checking bid {Checked} of {Count}.")]
    public static partial void ExtractionPaused(ILogger logger, string lot, long milliseconds, int @checked, int count);
}
