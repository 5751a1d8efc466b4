using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Rules;
using Ggzy.Platform.Signing;
using Ggzy.Sealing;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Award;
using Ggzy.Trading.Domain.Documents;
using Ggzy.Trading.Domain.Opening;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Domain.Security;
using Ggzy.Trading.Features.Evaluation;
using Ggzy.Trading.Features.Projects;
using Ggzy.Trading.Features.Security;
using Microsoft.EntityFrameworkCore;
using static Ggzy.Trading.Domain.Schedule.ChinaDates;

namespace Ggzy.Trading.Features.Award;

/// <summary>
/// From the signed evaluation report to the contract (docs/award.md): the candidate publicity (工程招标) and objections to
/// the result, which pause the lot until answered; the award with its platform-signed notice and the result announcement
/// (政府采购 straight from the report); the contract drafted by the tenderer and signed by both parties over its SM3
/// digest; the refunds the contract starts; the contract's publication and performance records. Every statutory timing
/// is <see cref="AwardTimeline"/>'s; every step is on the Ledger.
/// </summary>
internal sealed class AwardService(
    TradingDbContext db,
    IEnumerable<IEvaluationReports> reports,
    StatutoryTimingSource timings,
    PlatformSigner signer,
    DepositRefunds refunds,
    LedgerWriter ledger,
    TimeProvider clock) : IAwards
{
    public const string NoticeFormatV1 = "ggzy.award-notice.v1";
    public const string ContractFormatV1 = "ggzy.contract.v1";
    public const string PublicityFormatV1 = "ggzy.candidate-publicity.v1";

    private static readonly JsonSerializerOptions DocumentJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record Context(Project Project, Lot Lot, SignedEvaluationReport Report, LotAward Award, bool AwardIsNew, AwardTimeline Timeline);

    // ---- Reading ----

    public Task<AwardView> ViewAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct) => ViewAsync(principal, lotId, recordScoreRead: true, ct);

    /// <summary>
    /// The lot's award as the user may see it. A bidder shown its own score and rank (a confidential read, 87号令
    /// 第六十九条) is recorded on the Ledger when <paramref name="recordScoreRead"/>; the downloads of the notice and the
    /// contract, which show no score, are not.
    /// </summary>
    private async Task<AwardView> ViewAsync(ClaimsPrincipal principal, Guid lotId, bool recordScoreRead, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var c = await LoadAsync(lotId, tracked: false, ct);
        var runs = user.RunsProject(c.Project);
        var reads = user.MayRead(c.Project);
        var own = c.Report.Bids.Where(b => user.OrganizationId is { } org && b.BidderEntityId == org).ToList();
        if (!reads && own.Count == 0)
        {
            throw Refuse(AwardErrors.CodeNotYours, AwardErrors.NotYours, 403);
        }

        var now = clock.GetUtcNow();
        var award = c.Award;
        var isWinner = award.WinnerEntityId is { } w && w == user.OrganizationId;
        var published = award.PublicityStartsAt is not null || award.ResultPublishedAt is not null;
        var objections = await db.AwardObjections.AsNoTracking().Where(o => o.LotId == lotId).OrderBy(o => o.ReceivedAt).ToListAsync(ct);
        var contract = await db.LotContracts.AsNoTracking().SingleOrDefaultAsync(x => x.LotId == lotId, ct);
        var performance = await db.PerformanceRecords.AsNoTracking().Where(p => p.LotId == lotId).OrderBy(p => p.On).ThenBy(p => p.RecordedAt).ToListAsync(ct);
        var regime = c.Project.Regime;
        var sees = reads || isWinner;

        // A bidder sees its own score and rank once the result is out (87号令 第六十九条), never another's.
        IEnumerable<ReportedBid> bids = reads ? c.Report.Bids : award.ResultPublishedAt is not null ? own : [];
        if (recordScoreRead && !reads && award.ResultPublishedAt is not null && own.Count > 0)
        {
            await ledger.SaveChangesAsync(db, new LedgerDraft("trading.award.score-read", $"lot:{c.Lot.TradeCode}", new
            {
                lot = c.Lot.TradeCode,
                reader = user.UserName,
                organization = user.OrganizationId,
                bids = own.Select(b => new { bid = b.BidId, total = b.Total, rank = b.Rank, valid = b.Valid }),
                citation = StatutoryRules.Order87 + "第六十九条",
            }), ct);
        }

        var openObjections = objections.Any(o => o.AnsweredAt is null);
        var actions = new AwardActions(
            StartPublicity: runs && regime == Regime.Tender && c.Lot.State == LotState.Evaluated && !c.Report.AllRejected,
            RaiseObjection: own.Count > 0 && (regime == Regime.Tender
                ? award.PublicityStartsAt is { } s && award.PublicityEndsAt is { } e && AwardGate.InTime(s, e, now)
                : award.ResultPublishedAt is { } r && now < c.Timeline.ChallengeBy(r).Instant),
            Answer: runs && openObjections,
            Award: runs && !c.Report.AllRejected && (regime == Regime.Tender
                ? c.Lot.State == LotState.Publicity && award.PublicityEndsAt is { } ends && AwardGate.Refusal(ends, Gate(objections), now) is null
                : c.Lot.State == LotState.Evaluated),
            DraftContract: runs && c.Lot.State == LotState.Awarded && contract?.PurchaserSignedAt is null && contract?.SupplierSignedAt is null,
            SignAsPurchaser: contract is not null && contract.PurchaserSignedAt is null && user.OrganizationId == c.Project.TendererId,
            SignAsSupplier: contract is not null && contract.SupplierSignedAt is null && isWinner,
            PublishContract: runs && contract?.SignedAt is not null && contract.PublishedAt is null,
            AddPerformance: runs && contract?.SignedAt is not null,
            FileSupervisorReport: runs && regime == Regime.Tender && award.AwardedAt is not null && award.SupervisorReportOn is null,
            RecordReportDelivery: runs && regime == Regime.Procurement && award.ReportDeliveredOn is null);
        return new AwardView(c.Lot.Id, c.Lot.TradeCode, c.Lot.Name, c.Project.TradeCode, c.Project.Name, c.Project.TendererName, c.Project.AgencyName,
            RegimeName(regime), c.Lot.State.ToString(), c.Lot.State.Label(), c.Lot.PausedFrom?.Label(),
            c.Report.ReportId, c.Report.Digest, c.Report.SignedAt, c.Report.AllRejected, c.Report.RejectionReason,
            reads || published ? [.. c.Report.Candidates.OrderBy(x => x.Rank).Select(Candidate)] : [],
            [.. bids.OrderBy(b => b.Rank ?? int.MaxValue).ThenBy(b => b.BidderName, StringComparer.Ordinal)
                .Select(b => new EvaluatedBidView(b.BidId, b.BidderName, b.BidPrice, b.Valid, b.RejectionReason, b.Total, b.Rank))],
            award.PublicityStartsAt, award.PublicityEndsAt, AwardErrors.ObjectionChannel,
            reads || own.Count > 0 ? Deadlines(regime, c, objections, contract, now) : [],
            [.. objections.Where(o => reads || own.Any(b => b.BidderEntityId == o.BidderEntityId)).Select(o => ObjectionView(o, now))],
            sees ? NoticeOf(award) : null,
            sees && contract is not null ? ContractOf(contract) : null,
            sees ? [.. performance.Select(PerformanceOf)] : [],
            actions,
            reads ? Filings(award, await db.AwardFilingCorrections.AsNoTracking().Where(x => x.LotId == lotId).ToListAsync(ct)) : [],
            user.IsCenter && (award.SupervisorReportOn is not null || award.ReportDeliveredOn is not null));
    }

    /// <summary>The award notice's bytes and signature, for the winner and those who run or supervise the lot.</summary>
    public async Task<(string Json, string Signature, string LotCode)> NoticeAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var view = await ViewAsync(principal, lotId, recordScoreRead: false, ct);
        return view.Notice is { } notice ? (notice.NoticeJson, notice.Signature, view.LotCode) : throw Refuse(AwardErrors.CodeState, AwardErrors.NoAward, 404);
    }

    /// <summary>The contract's bytes, for its parties and those who run or supervise the lot.</summary>
    public async Task<(string Json, string LotCode)> ContractDocumentAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var view = await ViewAsync(principal, lotId, recordScoreRead: false, ct);
        return view.Contract is { } contract ? (contract.DocumentJson, view.LotCode) : throw Refuse(AwardErrors.CodeNoContract, AwardErrors.NoContract, 404);
    }

    // ---- Publicity and objections (工程招标) ----

    public async Task<AwardView> StartPublicityAsync(ClaimsPrincipal principal, Guid lotId, PublicityInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = TradingUser.From(principal);
        var c = await LoadAsync(lotId, tracked: true, ct);
        EnsureRuns(user, c.Project);
        if (c.Project.Regime != Regime.Tender)
        {
            throw Refuse(AwardErrors.CodeRegime, AwardErrors.ProcurementNoPublicity, 409);
        }

        EnsureCandidates(c.Report);
        EnsureState(c.Lot, "发布中标候选人公示", LotState.Evaluated);
        var endsAt = input.EndsAt ?? c.Timeline.CandidatePublicityEndsNoEarlierThan(now).Instant;
        var problems = c.Timeline.CheckPublicity(c.Report.SignedAt, now, endsAt);
        if (problems.Count > 0)
        {
            throw new BusinessRuleException(string.Join(" ", problems), AwardErrors.PublicityCitation, "endsAt")
            {
                Code = AwardErrors.CodePublicityTiming,
            };
        }

        var procedure = c.Lot.Procedure(c.Project.Regime)!;
        procedure.StartPublicity(now);
        c.Lot.Record(procedure, user.UserName);
        var award = c.Award;
        award.PublicityStartsAt = now;
        award.PublicityEndsAt = endsAt;
        award.PublicityBy = user.UserName;
        award.PublicityJson = JsonSerializer.Serialize(new
        {
            format = PublicityFormatV1,
            lotCode = c.Lot.TradeCode,
            lotName = c.Lot.Name,
            projectCode = c.Project.TradeCode,
            projectName = c.Project.Name,
            tenderer = c.Project.TendererName,
            agency = c.Project.AgencyName,
            report = c.Report.Digest,
            startsAt = now,
            endsAt,
            candidates = c.Report.Candidates.OrderBy(x => x.Rank).Select(x => new
            {
                rank = x.Rank,
                bidder = x.BidderName,
                price = PriceSheet.Format(x.BidPrice),
                evaluatedPrice = PriceSheet.Format(x.EvaluatedPrice),
                total = x.Total,
                projectLeader = x.ProjectLeader,
                certificate = x.ProjectLeaderCertificate,
            }),
            objectionChannel = AwardErrors.ObjectionChannel,
        }, DocumentJson);
        award.Revision++;
        await SaveAsync(c, [new LedgerDraft("trading.award.publicity-started", $"lot:{c.Lot.TradeCode}", new
        {
            lot = c.Lot.TradeCode,
            report = c.Report.Digest,
            startsAt = now,
            endsAt,
            by = user.UserName,
            candidates = c.Report.Candidates.OrderBy(x => x.Rank).Select(x => new { x.Rank, x.BidderName, price = x.BidPrice }),
        })], ct);
        return await ViewAsync(principal, lotId, ct);
    }

    public async Task<AwardView> RaiseObjectionAsync(ClaimsPrincipal principal, Guid lotId, AwardObjectionInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = TradingUser.From(principal);
        var c = await LoadAsync(lotId, tracked: true, ct);
        var bid = c.Report.Bids.FirstOrDefault(b => user.OrganizationId is { } org && b.BidderEntityId == org)
            ?? throw Refuse(AwardErrors.CodeNotYours, AwardErrors.NotABidder, 403);
        if (c.Project.Regime != Regime.Tender)
        {
            await ChallengeAsync(c, bid, user, input, now, ct);
            return await ViewAsync(principal, lotId, ct);
        }

        if (c.Award.PublicityStartsAt is not { } starts || c.Award.PublicityEndsAt is not { } ends || !AwardGate.InTime(starts, ends, now))
        {
            throw Refuse(AwardErrors.CodeObjectionTime, Format(AwardErrors.ObjectionOutOfTime,
                c.Award.PublicityStartsAt is { } a ? Text(a) : "尚未开始", c.Award.PublicityEndsAt is { } b ? Text(b) : "—", Text(now)), 409, AwardErrors.ObjectionCitation);
        }

        var text = TextOf(input.Text, AwardErrors.ObjectionText, "text");
        var answerBy = c.Timeline.ResultObjectionAnswerBy(now);
        var objection = new AwardObjection
        {
            Id = Guid.CreateVersion7(now),
            LotId = lotId,
            BidderEntityId = bid.BidderEntityId,
            BidderName = bid.BidderName,
            RaisedBy = user.UserName,
            Text = text,
            ReceivedAt = now,
            AnswerBy = answerBy.Date,
        };
        db.AwardObjections.Add(objection);
        var drafts = new List<LedgerDraft>
        {
            new("trading.award.objection-raised", $"lot:{c.Lot.TradeCode}", new
            {
                lot = c.Lot.TradeCode,
                objection = objection.Id,
                bidder = bid.BidderName,
                by = user.UserName,
                at = now,
                answerBy = Text(answerBy.Date),
                answerBy.Citation,
            }),
        };
        if (c.Lot.State == LotState.Publicity)
        {
            var procedure = c.Lot.Procedure(c.Project.Regime)!;
            var reason = $"对评标结果的异议待答复（{bid.BidderName}，最迟 {Text(answerBy.Date)} 答复），作出答复前暂停招标投标活动（依据：{AwardErrors.ObjectionCitation}）";
            procedure.Pause(reason, now);
            c.Lot.Record(procedure, user.UserName);
            drafts.Add(new LedgerDraft("trading.lot.paused", $"lot:{c.Lot.TradeCode}",
                new { lot = c.Lot.TradeCode, from = LotState.Publicity.ToString(), to = LotState.Paused.ToString(), reason }));
        }

        await SaveAsync(c, drafts, ct);
        return await ViewAsync(principal, lotId, ct);
    }

    /// <summary>
    /// 政府采购: a supplier's challenge to the result (质疑), in writing on the platform, from the result's publication to
    /// 7 working days after the result notice period (采购法 第五十二条; 采购条例 第五十三条); answered within 7 working days
    /// (第五十三条); the contract is not signed while a challenge waits for its answer.
    /// </summary>
    private async Task ChallengeAsync(Context c, ReportedBid bid, TradingUser user, AwardObjectionInput input, DateTimeOffset now, CancellationToken ct)
    {
        if (c.Award.ResultPublishedAt is not { } result)
        {
            throw Refuse(AwardErrors.CodeObjectionTime, AwardErrors.ChallengeBeforeResult, 409, AwardErrors.ChallengeCitation);
        }

        var by = c.Timeline.ChallengeBy(result);
        if (now >= by.Instant)
        {
            throw Refuse(AwardErrors.CodeObjectionTime, Format(AwardErrors.ChallengeOutOfTime, Text(Day(by.From)), Text(by.Date)), 409, AwardErrors.ChallengeCitation);
        }

        var text = TextOf(input.Text, AwardErrors.ChallengeText, "text");
        var answerBy = c.Timeline.ChallengeAnswerBy(now);
        var challenge = new AwardObjection
        {
            Id = Guid.CreateVersion7(now),
            LotId = c.Lot.Id,
            BidderEntityId = bid.BidderEntityId,
            BidderName = bid.BidderName,
            RaisedBy = user.UserName,
            Text = text,
            ReceivedAt = now,
            AnswerBy = answerBy.Date,
        };
        db.AwardObjections.Add(challenge);
        await SaveAsync(c, [new LedgerDraft("trading.award.challenge-raised", $"lot:{c.Lot.TradeCode}", new
        {
            lot = c.Lot.TradeCode,
            challenge = challenge.Id,
            bidder = bid.BidderName,
            by = user.UserName,
            at = now,
            challengeBy = Text(by.Date),
            answerBy = Text(answerBy.Date),
            answerBy.Citation,
        })], ct);
    }

    public async Task<AwardView> AnswerObjectionAsync(ClaimsPrincipal principal, Guid lotId, Guid objectionId, AwardAnswerInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = TradingUser.From(principal);
        var c = await LoadAsync(lotId, tracked: true, ct);
        EnsureRuns(user, c.Project);
        var objection = await db.AwardObjections.SingleOrDefaultAsync(o => o.Id == objectionId && o.LotId == lotId, ct)
            ?? throw Refuse(AwardErrors.CodeNotFound, AwardErrors.ObjectionNotFound, 404);
        if (objection.AnsweredAt is not null)
        {
            throw Refuse(AwardErrors.CodeAnswered, AwardErrors.Answered, 409);
        }

        var answer = TextOf(input.Answer, AwardErrors.AnswerText, "answer");
        objection.Answer = answer;
        objection.AnsweredAt = now;
        objection.AnsweredBy = user.UserName;
        var late = Day(now) > objection.AnswerBy;
        db.TradingNotices.Add(new TradingNotice
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = objection.BidderEntityId,
            LotId = lotId,
            Kind = TradingNoticeKind.ObjectionAnswer,
            SourceId = objection.Id,
            Title = $"{c.Lot.TradeCode} {c.Lot.Name}：{(c.Project.Regime == Regime.Tender ? "对评标结果异议的答复" : "质疑答复")}",
            Body = answer,
            CreatedAt = now,
        });
        var drafts = new List<LedgerDraft>
        {
            new(c.Project.Regime == Regime.Tender ? "trading.award.objection-answered" : "trading.award.challenge-answered", $"lot:{c.Lot.TradeCode}", new
            {
                lot = c.Lot.TradeCode,
                objection = objection.Id,
                by = user.UserName,
                at = now,
                answerBy = Text(objection.AnswerBy),
                late,
            }),
        };
        var stillOpen = await db.AwardObjections.AnyAsync(o => o.LotId == lotId && o.Id != objectionId && o.AnsweredAt == null, ct);
        if (!stillOpen && c.Lot.State == LotState.Paused && c.Lot.PausedFrom == LotState.Publicity)
        {
            var procedure = c.Lot.Procedure(c.Project.Regime)!;
            const string reason = "对评标结果的异议均已答复，恢复中标候选人公示后的程序";
            procedure.Resume(reason, now);
            c.Lot.Record(procedure, user.UserName);
            drafts.Add(new LedgerDraft("trading.lot.resumed", $"lot:{c.Lot.TradeCode}",
                new { lot = c.Lot.TradeCode, from = LotState.Paused.ToString(), to = LotState.Publicity.ToString(), reason }));
        }

        await SaveAsync(c, drafts, ct);
        return await ViewAsync(principal, lotId, ct);
    }

    // ---- Award ----

    public async Task<AwardView> AwardAsync(ClaimsPrincipal principal, Guid lotId, AwardInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = TradingUser.From(principal);
        var c = await LoadAsync(lotId, tracked: true, ct);
        EnsureRuns(user, c.Project);
        EnsureCandidates(c.Report);
        var regime = c.Project.Regime;
        var award = c.Award;
        if (regime == Regime.Tender)
        {
            if (c.Lot.State is LotState.Publicity or LotState.Paused && award.PublicityEndsAt is { } ends)
            {
                var objections = await db.AwardObjections.AsNoTracking().Where(o => o.LotId == lotId).ToListAsync(ct);
                if (AwardGate.Refusal(ends, Gate(objections), now) is { } refusal)
                {
                    throw Refuse(AwardErrors.CodeGate, refusal, 409, AwardErrors.ObjectionCitation);
                }
            }

            EnsureState(c.Lot, "定标", LotState.Publicity);
        }
        else
        {
            EnsureState(c.Lot, "定标", LotState.Evaluated);
        }

        var candidate = c.Report.Candidates.FirstOrDefault(x => input.BidId is { } id && x.BidId == id)
            ?? throw Refuse(AwardErrors.CodeCandidate, AwardErrors.CandidateRequired, field: "bidId", citation: AwardErrors.AwardCitation);
        var first = c.Report.Candidates.Min(x => x.Rank);
        SkipReason? skip = null;
        string? explanation = null;
        var citation = regime == Regime.Tender ? AwardErrors.AwardCitation : AwardErrors.ProcurementAwardCitation;
        if (candidate.Rank != first)
        {
            if (regime == Regime.Procurement)
            {
                var decisionBy = c.Timeline.AwardDecisionBy(c.Report.SignedAt);
                if (now >= decisionBy.Instant)
                {
                    throw Refuse(AwardErrors.CodeDeemedFirst, Format(AwardErrors.DeemedFirst, Text(decisionBy.Date)), 422, AwardErrors.ProcurementAwardCitation, "bidId");
                }
            }

            skip = ParseSkip(input.SkipReason);
            explanation = input.Explanation?.Trim();
            if (skip is null || explanation is not { Length: >= 5 and <= 1000 })
            {
                throw Refuse(AwardErrors.CodeSkipReason, Format(AwardErrors.SkipReasonRequired, candidate.Rank, citation), 422, citation, "skipReason");
            }
        }
        else if (!string.IsNullOrWhiteSpace(input.SkipReason) || !string.IsNullOrWhiteSpace(input.Explanation))
        {
            throw Refuse(AwardErrors.CodeSkipReason, AwardErrors.SkipReasonNotNeeded, 422, citation, "skipReason");
        }

        var contractBy = c.Timeline.ContractBy(regime, now);
        var notice = JsonSerializer.Serialize(new
        {
            format = NoticeFormatV1,
            title = regime == Regime.Tender ? "中标通知书" : "中标（成交）通知书",
            lotId = c.Lot.Id,
            lotCode = c.Lot.TradeCode,
            lotName = c.Lot.Name,
            projectCode = c.Project.TradeCode,
            projectName = c.Project.Name,
            tenderer = c.Project.TendererName,
            tendererCode = c.Project.TendererCode,
            agency = c.Project.AgencyName,
            winner = candidate.BidderName,
            winnerEntity = candidate.BidderEntityId,
            bidId = candidate.BidId,
            rank = candidate.Rank,
            price = PriceSheet.Format(candidate.BidPrice),
            projectLeader = candidate.ProjectLeader,
            skipReason = skip?.Label(),
            explanation,
            report = c.Report.Digest,
            issuedAt = now,
            issuedBy = user.UserName,
            contractBy = Text(contractBy.Date),
            contractCitation = contractBy.Citation,
            text = $"你单位在{c.Project.Name}（{c.Lot.Name}）{(regime == Regime.Tender ? "招标" : "采购")}中被确定为{(regime == Regime.Tender ? "中标人" : "中标（成交）供应商")}，"
                + $"中标价 {PriceSheet.Format(candidate.BidPrice)} 元。请于 {Text(contractBy.Date)} 前与{c.Project.TendererName}按照招标文件和你单位的投标文件订立书面合同。",
        }, DocumentJson);
        var bytes = Encoding.UTF8.GetBytes(notice);
        award.WinnerBidId = candidate.BidId;
        award.WinnerEntityId = candidate.BidderEntityId;
        award.WinnerName = candidate.BidderName;
        award.WinnerRank = candidate.Rank;
        award.AwardedPrice = candidate.BidPrice;
        award.SkipReason = skip;
        award.SkipExplanation = explanation;
        award.AwardedAt = now;
        award.AwardedBy = user.UserName;
        award.NoticeJson = notice;
        award.NoticeSignature = Convert.ToBase64String(signer.Sign(bytes));
        award.NoticeDigest = Sm3.HashHex(bytes);
        award.KeyFingerprint = signer.PublicKey.Fingerprint;
        award.ResultPublishedAt = now;
        award.Revision++;
        var procedure = c.Lot.Procedure(regime)!;
        procedure.Award(now);
        c.Lot.Record(procedure, user.UserName);

        // The winner gets its notice; every other bidder is told the result with its own score and rank only.
        db.TradingNotices.Add(new TradingNotice
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = candidate.BidderEntityId,
            LotId = lotId,
            Kind = TradingNoticeKind.AwardResult,
            SourceId = c.Report.ReportId,
            Title = $"{c.Lot.TradeCode} {c.Lot.Name}：{(regime == Regime.Tender ? "中标通知书" : "中标（成交）通知书")}",
            Body = $"你单位被确定为中标人，中标价 {PriceSheet.Format(candidate.BidPrice)} 元；中标通知书（平台签名，SM3 {award.NoticeDigest}）可在“定标与合同”页面下载。请于 {Text(contractBy.Date)} 前订立书面合同（依据：{contractBy.Citation}）。",
            CreatedAt = now,
        });
        foreach (var loser in c.Report.Bids.Where(b => b.BidderEntityId != candidate.BidderEntityId))
        {
            var score = loser.Valid
                ? $"你单位的评审得分 {(loser.Total is { } t ? t.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "—")}，排序第 {(loser.Rank is { } r ? r.ToString(System.Globalization.CultureInfo.InvariantCulture) : "—")} 名"
                : $"你单位的投标被否决：{loser.RejectionReason}";
            db.TradingNotices.Add(new TradingNotice
            {
                Id = Guid.CreateVersion7(now),
                OrganizationId = loser.BidderEntityId,
                LotId = lotId,
                Kind = TradingNoticeKind.AwardResult,
                SourceId = c.Report.ReportId,
                Title = $"{c.Lot.TradeCode} {c.Lot.Name}：中标结果通知",
                Body = $"中标人为 {candidate.BidderName}，中标价 {PriceSheet.Format(candidate.BidPrice)} 元。{score}（依据：{AwardErrors.NoticeCitation}）。",
                CreatedAt = now,
            });
        }

        var drafts = new List<LedgerDraft>
        {
            new("trading.award.awarded", $"lot:{c.Lot.TradeCode}", new
            {
                lot = c.Lot.TradeCode,
                report = c.Report.Digest,
                winner = candidate.BidderName,
                rank = candidate.Rank,
                price = candidate.BidPrice,
                skipReason = skip?.ToString(),
                explanation,
                by = user.UserName,
                at = now,
            }),
            new("trading.award.notice-issued", $"lot:{c.Lot.TradeCode}", new
            {
                lot = c.Lot.TradeCode,
                notice = award.NoticeDigest,
                key = award.KeyFingerprint,
                contractBy = Text(contractBy.Date),
            }),
            new("trading.award.result-published", $"lot:{c.Lot.TradeCode}", new
            {
                lot = c.Lot.TradeCode,
                at = now,
                notified = c.Report.Bids.Select(b => b.BidderName),
            }),
        };
        if (regime == Regime.Procurement)
        {
            var losers = await db.BidDeposits.Where(d => d.LotId == lotId && d.WithdrawnAt == null && d.OrganizationId != candidate.BidderEntityId).ToListAsync(ct);
            var added = await refunds.AddAsync(c.Lot, c.Project, RefundEvent.AwardNotice, now, losers, ct);
            if (added.Count > 0)
            {
                drafts.Add(RefundDraft(user, added));
            }
        }

        await SaveAsync(c, drafts, ct);
        return await ViewAsync(principal, lotId, ct);
    }

    // ---- Contract ----

    public async Task<AwardView> DraftContractAsync(ClaimsPrincipal principal, Guid lotId, ContractDraftInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = TradingUser.From(principal);
        var c = await LoadAsync(lotId, tracked: true, ct);
        EnsureRuns(user, c.Project);
        EnsureState(c.Lot, "起草合同", LotState.Awarded);
        var contract = await db.LotContracts.SingleOrDefaultAsync(x => x.LotId == lotId, ct);
        if (contract is { } existing && (existing.PurchaserSignedAt is not null || existing.SupplierSignedAt is not null))
        {
            throw Refuse(AwardErrors.CodeContractLocked, AwardErrors.ContractSigned, 409);
        }

        var terms = input.Terms?.Trim();
        if (terms is not { Length: > 0 and <= 4000 })
        {
            throw Refuse(AwardErrors.CodeText, AwardErrors.TermsText, field: "terms");
        }

        var award = c.Award;
        var json = JsonSerializer.Serialize(new
        {
            format = ContractFormatV1,
            lotCode = c.Lot.TradeCode,
            lotName = c.Lot.Name,
            projectCode = c.Project.TradeCode,
            projectName = c.Project.Name,
            purchaser = new { name = c.Project.TendererName, creditCode = c.Project.TendererCode, entity = c.Project.TendererId },
            supplier = new { name = award.WinnerName, entity = award.WinnerEntityId },
            amount = PriceSheet.Format(award.AwardedPrice!.Value),
            terms,
            awardNotice = award.NoticeDigest,
            awardedAt = award.AwardedAt,
            draftedAt = now,
            draftedBy = user.UserName,
        }, DocumentJson);
        var digest = Sm3.HashHex(Encoding.UTF8.GetBytes(json));
        if (contract is null)
        {
            db.LotContracts.Add(new LotContract
            {
                LotId = lotId,
                DocumentJson = json,
                Digest = digest,
                Amount = award.AwardedPrice!.Value,
                Terms = terms,
                DraftedAt = now,
                DraftedBy = user.UserName,
            });
        }
        else
        {
            contract.DocumentJson = json;
            contract.Digest = digest;
            contract.Terms = terms;
            contract.DraftedAt = now;
            contract.DraftedBy = user.UserName;
            contract.Revision++;
        }

        await SaveAsync(c, [new LedgerDraft("trading.contract.drafted", $"lot:{c.Lot.TradeCode}",
            new { lot = c.Lot.TradeCode, contract = digest, amount = award.AwardedPrice, by = user.UserName, at = now })], ct);
        return await ViewAsync(principal, lotId, ct);
    }

    public async Task<AwardView> SignContractAsync(ClaimsPrincipal principal, Guid lotId, ContractSignInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = TradingUser.From(principal);
        var c = await LoadAsync(lotId, tracked: true, ct);
        var contract = await db.LotContracts.SingleOrDefaultAsync(x => x.LotId == lotId, ct)
            ?? throw Refuse(AwardErrors.CodeNoContract, AwardErrors.NoContract, 409);
        var purchaser = user.OrganizationId is { } org && org == c.Project.TendererId;
        var supplier = user.OrganizationId is { } org2 && org2 == c.Award.WinnerEntityId;
        if (!purchaser && !supplier)
        {
            throw Refuse(AwardErrors.CodeNotAParty, AwardErrors.NotAParty, 403, AwardErrors.ContractCitation);
        }

        if (!string.Equals(input.Digest?.Trim().ToLowerInvariant(), contract.Digest, StringComparison.Ordinal))
        {
            throw Refuse(AwardErrors.CodeDigest, AwardErrors.DigestMismatch, field: "digest");
        }

        if ((purchaser ? contract.PurchaserSignedAt : contract.SupplierSignedAt) is not null)
        {
            throw Refuse(AwardErrors.CodeAlreadySigned, AwardErrors.AlreadySigned, 409);
        }

        EnsureState(c.Lot, "签订合同", LotState.Awarded);
        var challenges = await db.AwardObjections.CountAsync(o => o.LotId == lotId && o.AnsweredAt == null, ct);
        if (c.Project.Regime == Regime.Procurement && challenges > 0)
        {
            throw Refuse(AwardErrors.CodeGate, Format(AwardErrors.ChallengeOpen, challenges), 409, AwardErrors.ChallengeCitation);
        }

        if (purchaser)
        {
            contract.PurchaserSignedAt = now;
            contract.PurchaserSignedBy = user.UserName;
        }
        else
        {
            contract.SupplierSignedAt = now;
            contract.SupplierSignedBy = user.UserName;
        }

        contract.Revision++;
        var contractBy = c.Timeline.ContractBy(c.Project.Regime, c.Award.AwardedAt!.Value);
        var drafts = new List<LedgerDraft>
        {
            new("trading.contract.signed", $"lot:{c.Lot.TradeCode}", new
            {
                lot = c.Lot.TradeCode,
                contract = contract.Digest,
                party = purchaser ? "purchaser" : "supplier",
                by = user.UserName,
                at = now,
            }),
        };
        if (contract.PurchaserSignedAt is not null && contract.SupplierSignedAt is not null)
        {
            contract.SignedAt = now;
            var procedure = c.Lot.Procedure(c.Project.Regime)!;
            procedure.SignContract(now);
            c.Lot.Record(procedure, user.UserName);
            drafts.Add(new LedgerDraft("trading.contract.concluded", $"lot:{c.Lot.TradeCode}", new
            {
                lot = c.Lot.TradeCode,
                contract = contract.Digest,
                at = now,
                contractBy = Text(contractBy.Date),
                late = now >= contractBy.Instant,
                contractBy.Citation,
            }));
            var deposits = await db.BidDeposits.Where(d => d.LotId == lotId && d.WithdrawnAt == null).ToListAsync(ct);
            var winner = deposits.Where(d => d.OrganizationId == c.Award.WinnerEntityId).ToList();
            var added = new List<DepositRefundDuty>();
            added.AddRange(await refunds.AddAsync(c.Lot, c.Project, RefundEvent.ContractSigned, now, winner, ct, RefundRecipient.Winner));
            if (c.Project.Regime == Regime.Tender)
            {
                added.AddRange(await refunds.AddAsync(c.Lot, c.Project, RefundEvent.ContractSigned, now, [.. deposits.Except(winner)], ct, RefundRecipient.Losers));
            }

            if (added.Count > 0)
            {
                drafts.Add(RefundDraft(user, added));
            }
        }

        await SaveAsync(c, drafts, ct);
        return await ViewAsync(principal, lotId, ct);
    }

    public async Task<AwardView> PublishContractAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = TradingUser.From(principal);
        var c = await LoadAsync(lotId, tracked: true, ct);
        EnsureRuns(user, c.Project);
        var contract = await db.LotContracts.SingleOrDefaultAsync(x => x.LotId == lotId, ct);
        if (contract?.SignedAt is not { } signedAt)
        {
            throw Refuse(AwardErrors.CodeNoContract, AwardErrors.NotSigned, 409);
        }

        if (contract.PublishedAt is not null)
        {
            throw Refuse(AwardErrors.CodeState, AwardErrors.ContractPublished, 409);
        }

        contract.PublishedAt = now;
        contract.PublishedBy = user.UserName;
        contract.Revision++;
        var late = c.Project.Regime == Regime.Procurement && now >= c.Timeline.ContractPublicationBy(signedAt).Instant;
        await SaveAsync(c, [new LedgerDraft("trading.contract.published", $"lot:{c.Lot.TradeCode}",
            new { lot = c.Lot.TradeCode, contract = contract.Digest, by = user.UserName, at = now, late })], ct);
        return await ViewAsync(principal, lotId, ct);
    }

    public async Task<AwardView> AddPerformanceAsync(ClaimsPrincipal principal, Guid lotId, PerformanceInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = TradingUser.From(principal);
        var c = await LoadAsync(lotId, tracked: true, ct);
        EnsureRuns(user, c.Project);
        var contract = await db.LotContracts.AsNoTracking().SingleOrDefaultAsync(x => x.LotId == lotId, ct);
        if (contract?.SignedAt is not { } signedAt)
        {
            throw Refuse(AwardErrors.CodeNoContract, AwardErrors.NotSigned, 409);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var kind = input.Kind?.Trim().ToLowerInvariant() switch
        {
            "acceptance" => PerformanceKind.Acceptance,
            "payment" => PerformanceKind.Payment,
            "defect" => PerformanceKind.Defect,
            "other" => PerformanceKind.Other,
            _ => (PerformanceKind?)null,
        };
        if (kind is null)
        {
            errors["kind"] = [AwardErrors.PerformanceKind];
        }

        var today = Day(now);
        if (input.On is not { } on || on > today || on < Day(signedAt))
        {
            errors["on"] = [Format(AwardErrors.PerformanceOn, Text(Day(signedAt)), Text(today))];
        }

        if (input.Amount is { } amount ? amount <= 0 || decimal.Round(amount, 2) != amount || amount >= 1_000_000_000_000m : kind == PerformanceKind.Payment)
        {
            errors["amount"] = [AwardErrors.PerformanceAmount];
        }

        var text = input.Text?.Trim();
        if (text is not { Length: > 0 and <= 2000 })
        {
            errors["text"] = [AwardErrors.PerformanceText];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        var record = new PerformanceRecord
        {
            Id = Guid.CreateVersion7(now),
            LotId = lotId,
            Kind = kind!.Value,
            On = input.On!.Value,
            Amount = input.Amount,
            Text = text!,
            RecordedBy = user.UserName,
            RecordedAt = now,
        };
        db.PerformanceRecords.Add(record);
        await SaveAsync(c, [new LedgerDraft("trading.contract.performance-recorded", $"lot:{c.Lot.TradeCode}",
            new { lot = c.Lot.TradeCode, record = record.Id, kind = record.Kind.ToString(), on = Text(record.On), record.Amount, by = user.UserName })], ct);
        return await ViewAsync(principal, lotId, ct);
    }

    // ---- Helpers ----

    // ---- Filings after the report ----

    public const string SupervisorReportKind = "supervisor-report";
    public const string SupervisorReportWhat = "向行政监督部门提交招标投标情况的书面报告";
    public const string ReportDeliveryKind = "report-to-purchaser";
    public const string ReportDeliveryWhat = "将评标报告送采购人";

    /// <summary>
    /// 工程招标: records that the tenderer's written report reached the supervisory department — the day (from determining
    /// the winner to today), the department and the receipt's number; late or not against the 15 days (招标投标法 第四十七条). Once per lot.
    /// </summary>
    public Task<AwardView> FileSupervisorReportAsync(ClaimsPrincipal principal, Guid lotId, AwardFilingInput input, CancellationToken ct) =>
        RecordFilingAsync(principal, lotId, input, AwardFilingKind.SupervisorReport, ct);

    /// <summary>
    /// 政府采购: records that the agency sent the evaluation report to the purchaser — the day (from the report's signing to
    /// today) and to whom; late or not against the 2 working days (87号令 第六十八条; 采购条例 第四十三条). Once per lot.
    /// </summary>
    public Task<AwardView> RecordReportDeliveryAsync(ClaimsPrincipal principal, Guid lotId, AwardFilingInput input, CancellationToken ct) =>
        RecordFilingAsync(principal, lotId, input, AwardFilingKind.ReportDelivery, ct);

    /// <summary>
    /// The center's staff correct a recorded filing's date, with the reason (5–300 characters): the award holds the new
    /// date, the correction keeps the date it replaces (appended, never changed), the Ledger has both and whether each was
    /// late, and the archive states the correction.
    /// </summary>
    public async Task<AwardView> CorrectFilingAsync(ClaimsPrincipal principal, Guid lotId, string filing, AwardFilingCorrectionInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = TradingUser.From(principal);
        if (!user.IsCenter)
        {
            throw Refuse(AwardErrors.CodeNotYours, AwardErrors.CorrectionCenterOnly, 403);
        }

        var kind = filing switch
        {
            SupervisorReportKind => AwardFilingKind.SupervisorReport,
            ReportDeliveryKind => AwardFilingKind.ReportDelivery,
            _ => throw Refuse(AwardErrors.CodeNotFound, AwardErrors.CorrectionKind, 404),
        };
        var c = await LoadAsync(lotId, tracked: true, ct);
        var terms = FilingTermsOf(c, kind);
        var award = c.Award;
        var previous = RecordedOn(award, kind) ?? throw Refuse(AwardErrors.CodeState, AwardErrors.CorrectionNothing, 409, terms.Citation);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (input.On is not { } on || on < terms.From || on > Day(now))
        {
            errors["on"] = [Format(AwardErrors.FilingOn, terms.Since, Text(terms.From), Text(Day(now)), terms.Citation)];
        }
        else if (on == previous)
        {
            errors["on"] = [Format(AwardErrors.CorrectionSame, Text(previous))];
        }

        var reason = input.Reason?.Trim();
        if (reason is not { Length: >= 5 and <= 300 })
        {
            errors["reason"] = [AwardErrors.CorrectionReason];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        var corrected = input.On!.Value;
        db.AwardFilingCorrections.Add(new AwardFilingCorrection
        {
            Id = Guid.CreateVersion7(now),
            LotId = lotId,
            Kind = kind,
            PreviousOn = previous,
            CorrectedOn = corrected,
            Reason = reason!,
            CorrectedBy = user.UserName,
            CorrectedAt = now,
        });
        if (kind == AwardFilingKind.SupervisorReport)
        {
            award.SupervisorReportOn = corrected;
        }
        else
        {
            award.ReportDeliveredOn = corrected;
        }

        award.Revision++;
        await SaveAsync(c, [new LedgerDraft("trading.award.filing-corrected", $"lot:{c.Lot.TradeCode}", new
        {
            lot = c.Lot.TradeCode,
            filing,
            previous = Text(previous),
            corrected = Text(corrected),
            dueDate = Text(terms.Due.Date),
            previousLate = previous > terms.Due.Date,
            late = corrected > terms.Due.Date,
            reason,
            rule = terms.Due.RuleKey,
            citation = terms.Due.Citation,
            by = user.UserName,
        })], ct);
        return await ViewAsync(principal, lotId, ct);
    }

    /// <summary>What a filing counts from and is due by, and what it is refused with, for the lot's regime.</summary>
    private sealed record FilingTerms(string Citation, DateOnly From, AwardDeadline Due, string Since, string RecipientMessage, string LedgerType);

    private static FilingTerms FilingTermsOf(Context c, AwardFilingKind kind)
    {
        if (kind == AwardFilingKind.SupervisorReport)
        {
            var citation = StatutoryRules.TenderAwardReport.Citation;
            if (c.Project.Regime != Regime.Tender)
            {
                throw Refuse(AwardErrors.CodeRegime, AwardErrors.SupervisorReportRegime, 409, citation);
            }

            if (c.Award.AwardedAt is not { } awardedAt)
            {
                throw Refuse(AwardErrors.CodeState, AwardErrors.SupervisorReportBeforeAward, 409, citation);
            }

            return new FilingTerms(citation, Day(awardedAt), c.Timeline.AwardReportBy(awardedAt), "确定中标人", AwardErrors.SupervisorReportRecipient,
                "trading.award.supervisor-report-filed");
        }

        var delivery = StatutoryRules.ProcurementReportToPurchaser.Citation;
        if (c.Project.Regime != Regime.Procurement)
        {
            throw Refuse(AwardErrors.CodeRegime, AwardErrors.ReportDeliveryRegime, 409, delivery);
        }

        return new FilingTerms(delivery, Day(c.Report.SignedAt), c.Timeline.ReportToPurchaserBy(c.Report.SignedAt), "评标报告签署", AwardErrors.ReportDeliveryRecipient,
            "trading.award.report-delivered");
    }

    private static DateOnly? RecordedOn(LotAward award, AwardFilingKind kind) =>
        kind == AwardFilingKind.SupervisorReport ? award.SupervisorReportOn : award.ReportDeliveredOn;

    /// <summary>
    /// Records a filing once per lot: 工程 the written report to the supervisory department (from the award to today, with
    /// the department and the receipt's number), 采购 the report's delivery to the purchaser (from the report's signing to
    /// today, with the recipient); late or not against its statutory day; on the Ledger.
    /// </summary>
    private async Task<AwardView> RecordFilingAsync(ClaimsPrincipal principal, Guid lotId, AwardFilingInput input, AwardFilingKind kind, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = TradingUser.From(principal);
        var c = await LoadAsync(lotId, tracked: true, ct);
        EnsureRuns(user, c.Project);
        var terms = FilingTermsOf(c, kind);
        var award = c.Award;
        if (RecordedOn(award, kind) is not null)
        {
            throw Refuse(AwardErrors.CodeFiled, AwardErrors.Filed, 409, terms.Citation);
        }

        var (on, recipient, reference) = CheckFiling(input, terms.From, Day(now), terms.Since, terms.RecipientMessage, terms.Citation);
        if (kind == AwardFilingKind.SupervisorReport)
        {
            award.SupervisorReportOn = on;
            award.SupervisorReportRecipient = recipient;
            award.SupervisorReportReference = reference;
            award.SupervisorReportRecordedBy = user.UserName;
            award.SupervisorReportRecordedAt = now;
        }
        else
        {
            reference = null;
            award.ReportDeliveredOn = on;
            award.ReportDeliveredTo = recipient;
            award.ReportDeliveryRecordedBy = user.UserName;
            award.ReportDeliveryRecordedAt = now;
        }

        award.Revision++;
        await SaveAsync(c, [new LedgerDraft(terms.LedgerType, $"lot:{c.Lot.TradeCode}", new
        {
            lot = c.Lot.TradeCode,
            report = kind == AwardFilingKind.ReportDelivery ? c.Report.Digest : null,
            on = Text(on),
            recipient,
            reference,
            dueDate = Text(terms.Due.Date),
            late = on > terms.Due.Date,
            rule = terms.Due.RuleKey,
            citation = terms.Due.Citation,
            by = user.UserName,
        })], ct);
        return await ViewAsync(principal, lotId, ct);
    }

    private static (DateOnly On, string Recipient, string? Reference) CheckFiling(AwardFilingInput input, DateOnly from, DateOnly today, string since,
        string recipientMessage, string citation)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (input.On is not { } on || on < from || on > today)
        {
            errors["on"] = [Format(AwardErrors.FilingOn, since, Text(from), Text(today), citation)];
        }

        var recipient = input.Recipient?.Trim();
        if (recipient is not { Length: > 0 and <= 200 })
        {
            errors["recipient"] = [recipientMessage];
        }

        var reference = string.IsNullOrWhiteSpace(input.Reference) ? null : input.Reference.Trim();
        if (reference is { Length: > 100 })
        {
            errors["reference"] = [AwardErrors.FilingReference];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        return (input.On!.Value, recipient!, reference);
    }

    private static DateTimeOffset? DoneOn(DateOnly? day) => day is { } d ? Platform.Time.ChinaTime.StartOfDay(d) : null;

    private async Task<Context> LoadAsync(Guid lotId, bool tracked, CancellationToken ct)
    {
        var lots = tracked ? db.Lots : db.Lots.AsNoTracking();
        var lot = await lots.SingleOrDefaultAsync(l => l.Id == lotId, ct) ?? throw Refuse(AwardErrors.CodeNotFound, AwardErrors.LotNotFound, 404);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == lot.ProjectId, ct);
        var source = reports.LastOrDefault();
        var report = source is null ? null : await source.FindSignedAsync(lotId, ct);
        if (report is null)
        {
            throw Refuse(AwardErrors.CodeNoReport, AwardErrors.NoReport, 404);
        }

        var awards = tracked ? db.LotAwards : db.LotAwards.AsNoTracking();
        var award = await awards.SingleOrDefaultAsync(a => a.LotId == lotId, ct);
        var isNew = award is null;
        award ??= new LotAward { LotId = lotId, ReportId = report.ReportId, ReportDigest = report.Digest, ReportReceivedAt = report.SignedAt };
        var timing = await timings.ForRegionAsync(project.RegionCode, ct);
        return new Context(project, lot, report, award, isNew, new AwardTimeline(timing));
    }

    private async Task SaveAsync(Context c, IReadOnlyList<LedgerDraft> drafts, CancellationToken ct)
    {
        if (c.AwardIsNew && db.Entry(c.Award).State == EntityState.Detached && c.Award.Revision > 0)
        {
            db.LotAwards.Add(c.Award);
        }

        try
        {
            await ledger.SaveChangesAsync(db, drafts, ct);
        }
        catch (DbUpdateException)
        {
            throw Refuse(AwardErrors.CodeState, "标段的定标刚被其他操作更新：请刷新页面后重试。", 409);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static List<AwardDeadlineView> Deadlines(Regime regime, Context c, IReadOnlyList<AwardObjection> objections, LotContract? contract, DateTimeOffset now)
    {
        var t = c.Timeline;
        var a = c.Award;
        var list = new List<AwardDeadlineView>();
        if (regime == Regime.Tender)
        {
            list.Add(Deadline(t.CandidatePublicityStartBy(c.Report.SignedAt), "公示中标候选人", now, a.PublicityStartsAt));
            if (a.PublicityStartsAt is { } starts)
            {
                list.Add(Deadline(t.CandidatePublicityEndsNoEarlierThan(starts), "公示期届满", now, null));
            }

            foreach (var o in objections)
            {
                list.Add(Deadline(t.ResultObjectionAnswerBy(o.ReceivedAt), $"答复{o.BidderName}的异议", now, o.AnsweredAt));
            }
        }
        else
        {
            list.Add(Deadline(t.ReportToPurchaserBy(c.Report.SignedAt), ReportDeliveryWhat, now, DoneOn(a.ReportDeliveredOn)));
            list.Add(Deadline(t.AwardDecisionBy(c.Report.SignedAt), "确定中标人", now, a.AwardedAt));
            if (a.ResultPublishedAt is { } result)
            {
                list.Add(Deadline(t.ResultNoticeBy(a.AwardedAt!.Value), "公告中标结果并发出中标通知书", now, result));
                list.Add(Deadline(t.ResultNoticeEndsNoEarlierThan(result), "结果公告期届满", now, null));
            }

            foreach (var o in objections)
            {
                list.Add(Deadline(t.ChallengeAnswerBy(o.ReceivedAt), $"答复{o.BidderName}的质疑", now, o.AnsweredAt));
            }
        }

        if (a.AwardedAt is { } awarded)
        {
            list.Add(Deadline(t.ContractBy(regime, awarded), "签订合同", now, contract?.SignedAt));
            if (regime == Regime.Tender)
            {
                list.Add(Deadline(t.AwardReportBy(awarded), SupervisorReportWhat, now, DoneOn(a.SupervisorReportOn)));
            }
        }

        if (regime == Regime.Procurement && contract?.SignedAt is { } signed)
        {
            list.Add(Deadline(t.ContractPublicationBy(signed), "公告合同", now, contract.PublishedAt));
        }

        return list;
    }

    private static List<AwardFilingView> Filings(LotAward a, IReadOnlyList<AwardFilingCorrection> corrections)
    {
        static IReadOnlyList<AwardFilingCorrectionView> Of(IEnumerable<AwardFilingCorrection> list, AwardFilingKind kind) =>
            [.. list.Where(x => x.Kind == kind).OrderBy(x => x.CorrectedAt).Select(x => new AwardFilingCorrectionView(x.PreviousOn, x.CorrectedOn, x.Reason, x.CorrectedBy, x.CorrectedAt))];
        var list = new List<AwardFilingView>();
        if (a.SupervisorReportOn is { } reported)
        {
            list.Add(new AwardFilingView(SupervisorReportKind, SupervisorReportWhat, reported, a.SupervisorReportRecipient!, a.SupervisorReportReference,
                a.SupervisorReportRecordedBy!, a.SupervisorReportRecordedAt!.Value, Of(corrections, AwardFilingKind.SupervisorReport)));
        }

        if (a.ReportDeliveredOn is { } delivered)
        {
            list.Add(new AwardFilingView(ReportDeliveryKind, ReportDeliveryWhat, delivered, a.ReportDeliveredTo!, null,
                a.ReportDeliveryRecordedBy!, a.ReportDeliveryRecordedAt!.Value, Of(corrections, AwardFilingKind.ReportDelivery)));
        }

        return list;
    }

    private static AwardDeadlineView Deadline(AwardDeadline d, string what, DateTimeOffset now, DateTimeOffset? doneAt)
    {
        var (state, label) = doneAt is { } done
            ? done < d.Instant ? ("met", "已按期完成") : ("missed", "逾期完成")
            : d.Kind == DeadlineKind.NoEarlierThan
                ? AwardTimeline.StateAt(d, now) == DeadlineState.Due ? ("elapsed", "已届满") : ("running", "未届满")
                : AwardTimeline.StateAt(d, now) switch
                {
                    DeadlineState.Late => ("late", "已逾期"),
                    DeadlineState.Due => ("due", "即将到期"),
                    _ => ("not-due", "未到期"),
                };
        return new AwardDeadlineView(d.RuleKey, what, d.Citation, d.Date, state, label, d.Provisional, d.Description);
    }

    private static List<AwardGate.ResultObjection> Gate(IEnumerable<AwardObjection> objections) =>
        [.. objections.Select(o => new AwardGate.ResultObjection(o.ReceivedAt, o.AnsweredAt))];

    private static CandidateView Candidate(ReportedCandidate x) =>
        new(x.Rank, x.BidId, x.BidderEntityId, x.BidderName, x.BidPrice, x.EvaluatedPrice, x.Total, x.ProjectLeader, x.ProjectLeaderCertificate);

    private static AwardObjectionView ObjectionView(AwardObjection o, DateTimeOffset now) =>
        new(o.Id, o.BidderName, o.RaisedBy, o.Text, o.ReceivedAt, o.AnswerBy,
            o.AnsweredAt is { } at ? (Day(at) > o.AnswerBy ? "answered-late" : "answered") : now >= EndOf(o.AnswerBy) ? "late" : "open",
            o.Answer, o.AnsweredAt, o.AnsweredBy);

    internal static AwardNoticeView? NoticeOf(LotAward a) => a.NoticeJson is null
        ? null
        : new AwardNoticeView(a.WinnerName!, a.WinnerRank!.Value, a.AwardedPrice!.Value, a.SkipReason?.Label(), a.SkipExplanation, a.AwardedAt!.Value, a.AwardedBy!,
            a.NoticeJson, a.NoticeSignature!, a.NoticeDigest!, a.KeyFingerprint!, a.ResultPublishedAt!.Value);

    private static ContractView ContractOf(LotContract x) =>
        new(x.Amount, x.Terms, x.DocumentJson, x.Digest, x.DraftedAt, x.DraftedBy, x.PurchaserSignedAt, x.PurchaserSignedBy, x.SupplierSignedAt, x.SupplierSignedBy,
            x.SignedAt, x.PublishedAt);

    private static PerformanceView PerformanceOf(PerformanceRecord p) =>
        new(p.Id, p.Kind.ToString().ToLowerInvariant(), p.Kind.Label(), p.On, p.Amount, p.Text, p.RecordedBy, p.RecordedAt);

    private static LedgerDraft RefundDraft(TradingUser user, IReadOnlyList<DepositRefundDuty> added) =>
        new("trading.security.refund-duties-raised", "refunds", new
        {
            by = user.UserName,
            duties = added.Select(d => new { d.Id, d.DepositId, d.LotId, @event = d.Event.ToString(), dueDate = d.DueDate is { } due ? Text(due) : null, d.Citation }),
        });

    internal static string RegimeName(Regime regime) => regime == Regime.Tender ? "tender" : "procurement";

    private static SkipReason? ParseSkip(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "declined" => SkipReason.Declined,
        "force-majeure" => SkipReason.ForceMajeure,
        "no-performance-security" => SkipReason.NoPerformanceSecurity,
        "disqualified" => SkipReason.Disqualified,
        _ => null,
    };

    private static void EnsureRuns(TradingUser user, Project project)
    {
        if (!user.RunsProject(project))
        {
            throw Refuse(AwardErrors.CodeNotYours, AwardErrors.NotRunning, 403);
        }
    }

    private static void EnsureCandidates(SignedEvaluationReport report)
    {
        if (report.AllRejected || report.Candidates.Count == 0)
        {
            throw Refuse(AwardErrors.CodeState, AwardErrors.AllRejected, 409);
        }
    }

    private static void EnsureState(Lot lot, string what, LotState allowed)
    {
        if (lot.State != allowed)
        {
            throw Refuse(AwardErrors.CodeState, Format(AwardErrors.State, lot.State.Label(), what), 409);
        }
    }

    private static string TextOf(string? text, string message, string field)
    {
        var value = text?.Trim();
        return value is { Length: > 0 and <= 2000 } ? value : throw Refuse(AwardErrors.CodeText, message, field: field);
    }

    private static string Format(string template, params object[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, args);

    private static BusinessRuleException Refuse(string code, string message, int status = 422, string? citation = null, string? field = null) =>
        new(message, citation, field) { Code = code, Status = status };
}
