using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ggzy.Experts.Contracts;
using Ggzy.Platform.Data;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Rules;
using Ggzy.Platform.Signing;
using Ggzy.Sealing;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Evaluation;
using Ggzy.Trading.Domain.Evaluation.Room;
using Ggzy.Trading.Domain.Opening;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Trading.Features.Evaluation;

/// <summary>
/// The evaluation room (docs/evaluation.md §11): the tenderer or agency sets the criteria; once the opening is closed the
/// center or the agency opens the room with the drawn experts who signed in and the tenderer's representatives; the
/// members elect the chair, review qualification and compliance (majority), score independently, settle corrections and
/// clarifications with the bidders, clear the checks before the report, and sign it. Only members who signed in see the
/// bids; every read of them and every act is on the Ledger (<c>trading.evaluation.*</c>).
/// </summary>
internal sealed class EvaluationRoomService(
    TradingDbContext db,
    PlatformDbContext platform,
    ICommitteeSeats seats,
    StatutoryRuleRegistry rules,
    LedgerWriter ledger,
    PlatformSigner signer,
    TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // ---- Criteria ----

    public async Task<EvaluationSetupView> SetupAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var (project, lot) = await LotAsync(lotId, ct);
        var user = TradingUser.From(principal);
        if (!user.MayRead(project))
        {
            throw Refuse(EvaluationErrors.CodeNotYours, EvaluationErrors.NotRunning, 403);
        }

        var setup = await db.EvaluationSetups.AsNoTracking().SingleOrDefaultAsync(s => s.LotId == lotId, ct);
        return new EvaluationSetupView(lot.Id, lot.TradeCode, setup?.CriteriaJson, setup?.CriteriaDigest, setup?.SetAt, setup?.SetBy,
            user.RunsProject(project) && await MayChangeCriteriaAsync(lot, ct));
    }

    public async Task<EvaluationSetupView> SetCriteriaAsync(ClaimsPrincipal principal, Guid lotId, EvaluationCriteriaInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = TradingUser.From(principal);
        var (project, lot) = await LotAsync(lotId, ct);
        if (!user.RunsProject(project))
        {
            throw Refuse(EvaluationErrors.CodeNotYours, EvaluationErrors.NotRunning, 403);
        }

        if (!await MayChangeCriteriaAsync(lot, ct))
        {
            throw Refuse(EvaluationErrors.CodeState, "评标已经开始或标段已结束：评标办法随招标文件确定，评标开始后不得改变（依据：" + StatutoryRules.TenderRegulations
                + "第四十九条；" + StatutoryRules.Order87 + "第四十六条）。", 409);
        }

        var (criteria, problem) = EvaluationCriteria.Parse(input.CriteriaJson ?? "");
        if (criteria is null)
        {
            throw Refuse(EvaluationErrors.CodeCriteria, "评标办法不是有效的 ggzy.evaluation-criteria.v1 文本：" + problem, field: "criteriaJson");
        }

        if (criteria.Regime != project.Regime)
        {
            throw Refuse(EvaluationErrors.CodeCriteria, $"评标办法的 regime 为“{RegimeName(criteria.Regime)}”，本项目为“{RegimeName(project.Regime)}”：请按本项目适用的法律编制。",
                field: "criteriaJson");
        }

        var assessment = new CriteriaValidator(await EvaluationRulesAsync(project, ct)).Check(criteria);
        if (!assessment.IsValid)
        {
            var first = assessment.Violations[0];
            throw new BusinessRuleException(string.Join("；", assessment.Violations.Select(v => v.Message)), first.Citation, "criteriaJson")
            {
                Code = EvaluationErrors.CodeCriteria,
            };
        }

        var setup = await db.EvaluationSetups.SingleOrDefaultAsync(s => s.LotId == lotId, ct);
        var json = criteria.ToJson();
        var digest = criteria.Digest();
        if (setup is null)
        {
            setup = new EvaluationSetup { LotId = lotId, CriteriaJson = json, CriteriaDigest = digest, SetBy = user.UserName };
            db.EvaluationSetups.Add(setup);
        }

        setup.CriteriaJson = json;
        setup.CriteriaDigest = digest;
        setup.SetBy = user.UserName;
        setup.SetAt = now;
        setup.Revision++;
        await SaveAsync(Entry("criteria-set", lot, new { lot = lot.TradeCode, format = EvaluationCriteria.FormatV1, criteria.Revision, method = criteria.Method.ToString(), digest, by = user.UserName, at = now }), ct);
        return await SetupAsync(principal, lotId, ct);
    }

    // ---- Opening the room ----

    public async Task<RoomView> OpenAsync(ClaimsPrincipal principal, Guid lotId, OpenRoomInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = TradingUser.From(principal);
        var (project, lot) = await LotAsync(lotId, ct, tracked: true);
        if (!(user.IsCenter || user.RunsProject(project)))
        {
            throw Refuse(EvaluationErrors.CodeNotYours, EvaluationErrors.NotOpener, 403);
        }

        if (await db.EvaluationRooms.AnyAsync(r => r.LotId == lotId, ct))
        {
            throw Refuse(EvaluationErrors.CodeState, "该标段的评标室已经开启。", 409);
        }

        var opening = await db.BidOpenings.AsNoTracking().Include(o => o.Bids).SingleOrDefaultAsync(o => o.LotId == lotId, ct);
        if (lot.State != LotState.DeadlinePassed || opening?.Stage != OpeningStage.Closed)
        {
            throw Refuse(EvaluationErrors.CodeState, $"标段处于“{lot.State.Label()}”，开标尚未结束：开标结束后才能开始评标（依据：{StatutoryRules.TenderLaw}第三十七条、第三十八条）。", 409);
        }

        var setup = await db.EvaluationSetups.AsNoTracking().SingleOrDefaultAsync(s => s.LotId == lotId, ct)
            ?? throw Refuse(EvaluationErrors.CodeCriteria, "该标段尚未设定评标办法：请招标人或代理机构先按招标文件设定评标办法（评审因素、权重和评分标准）。", 409);
        var committee = await seats.OfLotAsync(lotId, ct)
            ?? throw Refuse(EvaluationErrors.CodeCommittee, "该标段没有有效的专家抽取：请先申请抽取评标专家。", 409);

        var experts = committee.Members - committee.Representatives;
        if (committee.SignedIn.Count < experts)
        {
            throw Refuse(EvaluationErrors.CodeCommittee,
                $"抽取申请的评审专家为 {experts} 名，已签到 {committee.SignedIn.Count} 名：专家全部签到并签署信用承诺书后才能开始评标（依据：{EvaluationErrors.RoomCitation}）。", 409);
        }

        if (committee.SignedIn.FirstOrDefault(s => s.AccountUserName is null) is { } unlinked)
        {
            throw Refuse(EvaluationErrors.CodeCommittee, $"专家 {unlinked.Pseudonym} 没有关联平台账户，不能进入评标室：请交易中心为其关联评标专家账户。", 409);
        }

        var names = (input.Representatives ?? []).Select(n => n?.Trim() ?? "").Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var members = committee.Members;
        if (names.Count != committee.Representatives)
        {
            throw Refuse(EvaluationErrors.CodeCommittee,
                $"抽取申请中招标人代表为 {committee.Representatives} 名，请指定同样数量的招标人代表账户（现为 {names.Count} 名）。", field: "representatives");
        }

        if (names.Count * 3 > members)
        {
            throw new BusinessRuleException($"招标人代表 {names.Count} 名，超过评标委员会成员总数 {members} 名的三分之一（依据：{EvaluationErrors.ShareCitation}）。",
                EvaluationErrors.ShareCitation, "representatives")
            { Code = EvaluationErrors.CodeCommittee };
        }

        var minRule = project.Regime == Regime.Tender ? StatutoryRules.TenderCommitteeMembers : StatutoryRules.ProcurementCommitteeMembers;
        var min = await rules.EffectiveAsync(minRule.Key, project.RegionCode, ct);
        if (members < EvaluationRules.Whole(min) || members % 2 == 0)
        {
            throw new BusinessRuleException($"评标委员会成员为 {members} 名，应为 {EvaluationRules.Whole(min)} 人以上单数（依据：{min.Source}）。", min.Source, "representatives")
            {
                Code = EvaluationErrors.CodeCommittee,
            };
        }

        var accounts = await platform.Users.AsNoTracking().Where(u => names.Contains(u.UserName!))
            .Select(u => new { u.UserName, u.DisplayName, u.OrganizationId, u.IsDisabled }).ToListAsync(ct);
        foreach (var name in names)
        {
            var account = accounts.FirstOrDefault(a => a.UserName == name);
            if (account is null || account.IsDisabled || account.OrganizationId is not { } org || !(org == project.TendererId || org == project.AgencyId))
            {
                throw Refuse(EvaluationErrors.CodeCommittee, $"“{name}”不是该项目招标人（采购人）或其代理机构的有效员工账户，不能作为招标人代表。", field: "representatives");
            }

            if (committee.SignedIn.Any(s => s.AccountUserName == name))
            {
                throw Refuse(EvaluationErrors.CodeCommittee, $"“{name}”已是抽取的评审专家。", field: "representatives");
            }
        }

        var room = new EvaluationRoom
        {
            LotId = lotId,
            DrawId = committee.DrawId,
            OpenedAt = now,
            OpenedBy = user.UserName,
            CriteriaJson = setup.CriteriaJson,
            CriteriaDigest = setup.CriteriaDigest,
        };
        db.EvaluationRooms.Add(room);
        string SiteName(int i) => i >= 0 && i < committee.Sites.Count ? committee.Sites[i].Name : "评标现场";
        var added = new List<EvaluationMember>();
        foreach (var s in committee.SignedIn.Take(experts))
        {
            added.Add(new EvaluationMember
            {
                Id = Guid.CreateVersion7(now),
                LotId = lotId,
                Kind = MemberKind.Expert,
                UserName = s.AccountUserName!,
                DisplayName = s.Pseudonym,
                Specialty = s.Specialty,
                Site = s.Site,
                SiteName = SiteName(s.Site),
                SeatId = s.SeatId,
                SignedInAt = s.SignedInAt,
            });
        }

        foreach (var name in names)
        {
            added.Add(new EvaluationMember
            {
                Id = Guid.CreateVersion7(now),
                LotId = lotId,
                Kind = MemberKind.Representative,
                UserName = name,
                DisplayName = "招标人代表 " + accounts.First(a => a.UserName == name).DisplayName,
                Site = 0,
                SiteName = SiteName(0),
            });
        }

        db.EvaluationMembers.AddRange(added);
        var bids = new List<EvaluationBid>();
        foreach (var b in opening.Bids.Where(b => b.Outcome == OpeningOutcome.Decrypted).OrderBy(b => b.ArrivedAt))
        {
            if (!decimal.TryParse(b.TotalPrice, NumberStyles.Number, CultureInfo.InvariantCulture, out var price))
            {
                continue;
            }

            var items = b.ItemsJson is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(b.ItemsJson, Json) ?? [];
            bids.Add(new EvaluationBid
            {
                BidId = b.BidId,
                LotId = lotId,
                OrganizationId = b.OrganizationId,
                BidderName = b.BidderName,
                ReadOutPrice = price,
                ProjectLeader = items.GetValueOrDefault("项目负责人"),
                ProjectLeaderCertificate = items.FirstOrDefault(i => i.Key.Contains("证书", StringComparison.Ordinal)).Value,
            });
        }

        db.EvaluationBids.AddRange(bids);
        var procedure = lot.Procedure(project.Regime)!;
        procedure.StartEvaluation(now);
        lot.Record(procedure, user.UserName);
        await SaveAsync(
        [
            Entry("opened", lot, new
            {
                lot = lot.TradeCode, draw = committee.DrawId, criteria = setup.CriteriaDigest, by = user.UserName, at = now,
                members = added.Select(m => new { member = m.Id, kind = m.Kind.ToString(), account = m.UserName, name = m.DisplayName, site = m.SiteName }),
                bids = bids.Select(b => new { bid = b.BidId, name = b.BidderName }),
            }),
            new LedgerDraft("trading.lot.evaluation-started", $"lot:{lot.TradeCode}",
                new { lot = lot.TradeCode, from = LotState.DeadlinePassed.ToString(), to = LotState.Evaluating.ToString(), at = now, by = user.UserName }),
        ], ct);
        return await RoomAsync(principal, lotId, ct);
    }

    // ---- Reading ----

    public async Task<IReadOnlyList<RoomSummaryView>> ListAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var mine = await db.EvaluationMembers.AsNoTracking().Where(m => m.UserName == user.UserName).Select(m => m.LotId).ToListAsync(ct);
        var rooms = await db.EvaluationRooms.AsNoTracking().ToListAsync(ct);
        var lots = await db.Lots.AsNoTracking().Where(l => rooms.Select(r => r.LotId).Contains(l.Id)).ToListAsync(ct);
        var projects = await db.Projects.AsNoTracking().Where(p => lots.Select(l => l.ProjectId).Contains(p.Id)).ToListAsync(ct);
        var list = new List<RoomSummaryView>();
        foreach (var room in rooms.OrderByDescending(r => r.OpenedAt))
        {
            var lot = lots.First(l => l.Id == room.LotId);
            var project = projects.First(p => p.Id == lot.ProjectId);
            var member = mine.Contains(room.LotId);
            if (member || user.MayRead(project))
            {
                list.Add(new RoomSummaryView(lot.Id, lot.TradeCode, lot.Name, project.Name, StageName(room.Stage), StageLabel(room), room.OpenedAt, member));
            }
        }

        return list;
    }

    public async Task<RoomView> RoomAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var ctx = await ContextAsync(principal, lotId, ct);
        if (ctx.Me is { SignedInAt: not null } me)
        {
            // Every read of the bids by a member is on the Ledger (1117号 (十五): 全过程可追溯).
            await SaveAsync(Entry("read", ctx.Lot, new { lot = ctx.Lot.TradeCode, member = me.Id, account = me.UserName, stage = StageName(ctx.Room.Stage), at = clock.GetUtcNow() }), ct);
        }

        return await ViewAsync(ctx, ct);
    }

    // ---- Sign-in of representatives, chair election ----

    public async Task<RoomView> SignInAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ctx = await ContextAsync(principal, lotId, ct);
        var me = ctx.Me ?? throw Refuse(EvaluationErrors.CodeNotYours, EvaluationErrors.NotMember, 403);
        if (me.SignedInAt is null)
        {
            var tracked = await db.EvaluationMembers.SingleAsync(m => m.Id == me.Id, ct);
            tracked.SignedInAt = now;
            await SaveAsync(Entry("signed-in", ctx.Lot, new { lot = ctx.Lot.TradeCode, member = me.Id, account = me.UserName, site = me.SiteName, at = now }), ct);
        }

        return await RoomAsync(principal, lotId, ct);
    }

    public async Task<RoomView> VoteAsync(ClaimsPrincipal principal, Guid lotId, VoteInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ctx = await MemberContextAsync(principal, lotId, ct);
        EnsureStage(ctx.Room, "推选主任", RoomStage.Election);
        if (ctx.Members.All(m => m.Id != input.CandidateId))
        {
            throw Refuse(EvaluationErrors.CodeVote, "只能推选本评标委员会的成员为主任。", field: "candidateId");
        }

        var round = ctx.Room.ElectionRound;
        if (await db.EvaluationVotes.AnyAsync(v => v.LotId == lotId && v.Round == round && v.VoterId == ctx.Me!.Id, ct))
        {
            throw Refuse(EvaluationErrors.CodeVote, $"本人已在第 {round} 轮推选中投票。", 409);
        }

        db.EvaluationVotes.Add(new EvaluationVote { Id = Guid.CreateVersion7(now), LotId = lotId, Round = round, VoterId = ctx.Me!.Id, CandidateId = input.CandidateId, At = now });
        var drafts = new List<LedgerDraft> { Entry("voted", ctx.Lot, new { lot = ctx.Lot.TradeCode, round, voter = ctx.Me.Id, candidate = input.CandidateId, at = now }) };
        var votes = await db.EvaluationVotes.AsNoTracking().Where(v => v.LotId == lotId && v.Round == round).ToListAsync(ct);
        votes.Add(new EvaluationVote { LotId = lotId, Round = round, VoterId = ctx.Me.Id, CandidateId = input.CandidateId, At = now });
        // Every vote moves the room's revision: two last votes at the same instant cannot both miss the tally.
        var room = await db.EvaluationRooms.SingleAsync(r => r.LotId == lotId, ct);
        room.Revision++;
        if (votes.Count == ctx.Members.Count)
        {
            var tally = votes.GroupBy(v => v.CandidateId).Select(g => new { candidate = g.Key, votes = g.Count() }).OrderByDescending(t => t.votes).ToList();
            if (tally[0].votes * 2 > ctx.Members.Count)
            {
                room.ChairId = tally[0].candidate;
                room.Stage = RoomStage.Qualification;
                drafts.Add(Entry("chair-elected", ctx.Lot, new { lot = ctx.Lot.TradeCode, round, chair = room.ChairId, tally, members = ctx.Members.Count, at = now }));
            }
            else
            {
                room.ElectionRound++;
                drafts.Add(Entry("chair-revote", ctx.Lot, new { lot = ctx.Lot.TradeCode, round, tally, next = room.ElectionRound, reason = "无人获得过半数票", at = now }));
            }
        }

        await SaveAsync(drafts, ct);
        return await ViewAsync(await ContextAsync(principal, lotId, ct), ct);
    }

    // ---- Qualification and compliance ----

    public async Task<RoomView> ReviewAsync(ClaimsPrincipal principal, Guid lotId, ReviewInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ctx = await MemberContextAsync(principal, lotId, ct);
        var stage = input.Stage switch
        {
            "qualification" => ReviewStage.Qualification,
            "compliance" => ReviewStage.Compliance,
            _ => throw Refuse(EvaluationErrors.CodeReview, "请注明审查阶段 stage：qualification（资格审查）或 compliance（符合性审查）。", field: "stage"),
        };
        EnsureStage(ctx.Room, "进行" + ReviewLabel(stage), stage == ReviewStage.Qualification ? RoomStage.Qualification : RoomStage.Compliance);
        var bid = ctx.Bids.FirstOrDefault(b => b.BidId == input.BidId && b.RejectedAt is null)
            ?? throw Refuse(EvaluationErrors.CodeReview, "该投标不在本阶段的审查范围内。", field: "bidId");
        var reason = input.Reason?.Trim();
        var ground = input.Ground?.Trim();
        if (!input.Pass && reason is not { Length: > 0 and <= 2000 })
        {
            throw Refuse(EvaluationErrors.CodeReview, $"认定投标不通过{ReviewLabel(stage)}的，须写明理由（2000 字以内）：否决投标的原因要向投标人公开（依据：{ReportChecks.Opinions5}）。", field: "reason");
        }

        if (ground is { Length: > 500 })
        {
            throw Refuse(EvaluationErrors.CodeReview, "依据（法定情形或招标文件条款）不超过 500 字。", field: "ground");
        }

        var review = await db.EvaluationReviews.SingleOrDefaultAsync(r => r.LotId == lotId && r.Stage == stage && r.MemberId == ctx.Me!.Id && r.BidId == bid.BidId, ct);
        if (review is null)
        {
            review = new EvaluationReview { Id = Guid.CreateVersion7(now), LotId = lotId, Stage = stage, MemberId = ctx.Me!.Id, BidId = bid.BidId };
            db.EvaluationReviews.Add(review);
        }

        review.Pass = input.Pass;
        review.Ground = input.Pass ? null : ground;
        review.Reason = input.Pass ? null : reason;
        review.At = now;
        await SaveAsync(Entry("reviewed", ctx.Lot, new { lot = ctx.Lot.TradeCode, stage = stage.ToString(), member = ctx.Me!.Id, bid = bid.BidId, pass = input.Pass, ground = review.Ground, reason = review.Reason, at = now }), ct);
        return await ViewAsync(await ContextAsync(principal, lotId, ct), ct);
    }

    /// <summary>The chair closes the review stage: each bid's conclusion by the majority of the members (少数服从多数).</summary>
    public async Task<RoomView> ConcludeAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ctx = await ChairContextAsync(principal, lotId, "结束审查", ct);
        var stage = ctx.Room.Stage switch
        {
            RoomStage.Qualification => ReviewStage.Qualification,
            RoomStage.Compliance => ReviewStage.Compliance,
            _ => throw Refuse(EvaluationErrors.CodeState, EvaluationErrors.StageText(StageLabel(ctx.Room), "结束审查"), 409),
        };
        var reviews = await db.EvaluationReviews.AsNoTracking().Where(r => r.LotId == lotId && r.Stage == stage).ToListAsync(ct);
        var open = ctx.Bids.Where(b => b.RejectedAt is null).ToList();
        var missing = open.Sum(b => ctx.Members.Count(m => !reviews.Any(r => r.BidId == b.BidId && r.MemberId == m.Id)));
        if (missing > 0)
        {
            throw Refuse(EvaluationErrors.CodeIncomplete, $"尚有 {missing} 项{ReviewLabel(stage)}意见未提交：每位成员须对每个投标作出结论。", 409);
        }

        var tracked = await db.EvaluationBids.Where(b => b.LotId == lotId).ToListAsync(ct);
        var conclusions = new List<object>();
        foreach (var bid in open)
        {
            var marks = reviews.Where(r => r.BidId == bid.BidId).ToList();
            var fails = marks.Where(r => !r.Pass).ToList();
            var failed = fails.Count * 2 > ctx.Members.Count;
            if (failed)
            {
                var t = tracked.First(b => b.BidId == bid.BidId);
                t.RejectedAt = stage;
                var grounds = fails.Select(f => f.Ground).Where(g => !string.IsNullOrWhiteSpace(g)).Distinct().ToList();
                t.RejectionGround = grounds.Count == 0 ? null : Cap(string.Join("；", grounds), 500);
                t.RejectionReason = Cap(string.Join("；", fails.Select(f => f.Reason).Distinct()), 2000);
            }

            conclusions.Add(new { bid = bid.BidId, name = bid.BidderName, pass = marks.Count - fails.Count, fail = fails.Count, rejected = failed });
        }

        var room = await db.EvaluationRooms.SingleAsync(r => r.LotId == lotId, ct);
        room.Stage = stage == ReviewStage.Qualification ? RoomStage.Compliance : RoomStage.Scoring;
        room.Revision++;
        await SaveAsync(Entry("concluded", ctx.Lot, new { lot = ctx.Lot.TradeCode, stage = stage.ToString(), rule = "majority", citation = EvaluationErrors.MajorityCitation, conclusions, by = ctx.Me!.Id, at = now }), ct);
        return await ViewAsync(await ContextAsync(principal, lotId, ct), ct);
    }

    /// <summary>The chair states the ground and reason of a rejection, or rejects a bid in the detailed evaluation.</summary>
    public async Task<RoomView> RejectAsync(ClaimsPrincipal principal, Guid lotId, Guid bidId, RejectionInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ctx = await ChairContextAsync(principal, lotId, "记录否决投标的依据和理由", ct);
        EnsureStage(ctx.Room, "记录否决投标", RoomStage.Compliance, RoomStage.Scoring);
        var ground = input.Ground?.Trim();
        var reason = input.Reason?.Trim();
        if (ground is not { Length: > 0 and <= 500 } || reason is not { Length: > 0 and <= 2000 })
        {
            throw Refuse(EvaluationErrors.CodeRejection, $"否决投标须载明所依据的法定情形或招标文件条款（500 字以内）及具体理由（2000 字以内）（依据：{ReportChecks.Opinions5}）。", field: "ground");
        }

        var bid = await db.EvaluationBids.SingleOrDefaultAsync(b => b.LotId == lotId && b.BidId == bidId, ct)
            ?? throw new NotFoundException(EvaluationErrors.NotFound);
        bid.RejectedAt ??= ReviewStage.Detailed;
        bid.RejectionGround = ground;
        bid.RejectionReason = reason;
        await SaveAsync(Entry("bid-rejected", ctx.Lot, new { lot = ctx.Lot.TradeCode, bid = bidId, stage = bid.RejectedAt.ToString(), ground, reason, by = ctx.Me!.Id, at = now }), ct);
        return await ViewAsync(await ContextAsync(principal, lotId, ct), ct);
    }

    // ---- Scoring ----

    public async Task<RoomView> DraftScoreAsync(ClaimsPrincipal principal, Guid lotId, ScoreInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ctx = await MemberContextAsync(principal, lotId, ct);
        EnsureStage(ctx.Room, "评分", RoomStage.Scoring);
        var criteria = Criteria(ctx.Room);
        if (!ctx.Bids.Any(b => b.BidId == input.BidId && b.RejectedAt is null))
        {
            throw Refuse(EvaluationErrors.CodeScore, "该投标不在详细评审范围内（已被否决或不属于本标段）。", field: "bidId");
        }

        var points = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (code, value) in input.Points ?? new Dictionary<string, decimal>())
        {
            var item = criteria.Item(code);
            if (item is null || item.Kind == ItemKind.Price)
            {
                throw Refuse(EvaluationErrors.CodeScore, $"“{code}”不是评标办法中由评委评分的评审项（价格分由平台按公式计算）。", field: "points");
            }

            if (value < 0 || value > item.MaxPoints)
            {
                throw Refuse(EvaluationErrors.CodeScore, $"“{item.Name}”的评分 {Figures.Points(value)} 不在 0–{Figures.Points(item.MaxPoints)} 分之间。", field: "points");
            }

            points[code] = value;
        }

        var sheet = await db.EvaluationScores.SingleOrDefaultAsync(s => s.LotId == lotId && s.MemberId == ctx.Me!.Id && s.BidId == input.BidId, ct);
        if (sheet?.SubmittedAt is not null)
        {
            throw Refuse(EvaluationErrors.CodeScore, "评分已提交，不能再修改；如需更正，须在报告前复核时记录理由。", 409);
        }

        if (sheet is null)
        {
            sheet = new EvaluationScore { Id = Guid.CreateVersion7(now), LotId = lotId, MemberId = ctx.Me!.Id, BidId = input.BidId, PointsJson = "{}" };
            db.EvaluationScores.Add(sheet);
        }

        sheet.PointsJson = JsonSerializer.Serialize(points, Json);
        sheet.UpdatedAt = now;
        await SaveAsync(Entry("score-drafted", ctx.Lot, new { lot = ctx.Lot.TradeCode, member = ctx.Me!.Id, bid = input.BidId, items = points.Count, at = now }), ct);
        return await ViewAsync(await ContextAsync(principal, lotId, ct), ct);
    }

    public async Task<RoomView> SubmitScoresAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ctx = await MemberContextAsync(principal, lotId, ct);
        EnsureStage(ctx.Room, "提交评分", RoomStage.Scoring);
        var criteria = Criteria(ctx.Room);
        var sheets = await db.EvaluationScores.Where(s => s.LotId == lotId && s.MemberId == ctx.Me!.Id).ToListAsync(ct);
        if (sheets.Any(s => s.SubmittedAt is not null))
        {
            throw Refuse(EvaluationErrors.CodeScore, "评分已提交。", 409);
        }

        var valid = ctx.Bids.Where(b => b.RejectedAt is null).ToList();
        var codes = criteria.MemberItems.Select(i => i.Code).ToList();
        var incomplete = valid.Count(b => sheets.FirstOrDefault(s => s.BidId == b.BidId) is not { } s || !codes.All(Points(s).ContainsKey));
        if (incomplete > 0)
        {
            throw Refuse(EvaluationErrors.CodeIncomplete, $"尚有 {incomplete} 个投标的评审项未全部评分：请全部评分后一次提交（依据：{EvaluationErrors.IndependenceCitation}）。", 409);
        }

        foreach (var s in sheets.Where(s => valid.Any(b => b.BidId == s.BidId)))
        {
            s.SubmittedAt = now;
        }

        var digest = Sm3.HashHex(Encoding.UTF8.GetBytes(string.Join("\n", sheets.OrderBy(s => s.BidId).Select(s => s.BidId + ":" + s.PointsJson))));
        await SaveAsync(Entry("scores-submitted", ctx.Lot, new { lot = ctx.Lot.TradeCode, member = ctx.Me!.Id, bids = valid.Count, digest, at = now }), ct);
        return await ViewAsync(await ContextAsync(principal, lotId, ct), ct);
    }

    /// <summary>A member corrects its own submitted score after the checks, with its reason (87号令 第六十四条).</summary>
    public async Task<RoomView> ReviseAsync(ClaimsPrincipal principal, Guid lotId, ReviseInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ctx = await MemberContextAsync(principal, lotId, ct);
        EnsureStage(ctx.Room, "更正评分", RoomStage.Scoring);
        var criteria = Criteria(ctx.Room);
        var item = criteria.Item(input.ItemCode ?? "");
        if (item is null || item.Kind == ItemKind.Price)
        {
            throw Refuse(EvaluationErrors.CodeScore, "请选择评标办法中由评委评分的评审项。", field: "itemCode");
        }

        var reason = input.Reason?.Trim();
        if (reason is not { Length: > 0 and <= 2000 })
        {
            throw Refuse(EvaluationErrors.CodeScore, $"更正评分须说明理由，理由载入评标报告（依据：{ReportChecks.Article64}）。", field: "reason");
        }

        var sheet = await db.EvaluationScores.SingleOrDefaultAsync(s => s.LotId == lotId && s.MemberId == ctx.Me!.Id && s.BidId == input.BidId && s.SubmittedAt != null, ct)
            ?? throw Refuse(EvaluationErrors.CodeScore, "只能更正本人已提交的评分。", 409, field: "bidId");
        var points = Points(sheet);
        decimal? from = points.TryGetValue(item.Code, out var before) ? before : null;
        points[item.Code] = input.Points;
        sheet.PointsJson = JsonSerializer.Serialize(points, Json);
        sheet.UpdatedAt = now;
        db.EvaluationScoreRevisions.Add(new EvaluationScoreRevision
        {
            Id = Guid.CreateVersion7(now),
            LotId = lotId,
            MemberId = ctx.Me!.Id,
            BidId = input.BidId,
            ItemCode = item.Code,
            From = from,
            To = input.Points,
            Reason = reason,
            At = now,
        });
        await SaveAsync(Entry("score-revised", ctx.Lot, new { lot = ctx.Lot.TradeCode, member = ctx.Me.Id, bid = input.BidId, item = item.Code, from, to = input.Points, reason, at = now }), ct);
        return await ViewAsync(await ContextAsync(principal, lotId, ct), ct);
    }

    public async Task<RoomView> JustifyAsync(ClaimsPrincipal principal, Guid lotId, JustifyInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ctx = await ChairContextAsync(principal, lotId, "认定畸高畸低评分", ct);
        EnsureStage(ctx.Room, "认定评分", RoomStage.Scoring);
        var text = input.Text?.Trim() ?? "";
        var finding = (await FindingsAsync(ctx, ct)).Findings.FirstOrDefault(f => f.Key == input.FindingKey);
        if (finding is null || !finding.MayBeJustified)
        {
            throw Refuse(EvaluationErrors.CodeJustification, "只有现存的畸高畸低评分和逾期未答复的澄清可以由评标委员会认定并说明理由；其他问题须更正。", field: "findingKey");
        }

        if (text.Length is < Justification.MinLength or > Justification.MaxLength)
        {
            throw Refuse(EvaluationErrors.CodeJustification, $"认定理由须 {Justification.MinLength}–{Justification.MaxLength} 字（依据：{finding.Citation}）。", field: "text");
        }

        db.EvaluationJustifications.Add(new EvaluationJustification { Id = Guid.CreateVersion7(now), LotId = lotId, FindingKey = finding.Key, Text = text, By = ctx.Me!.UserName, At = now });
        await SaveAsync(Entry("finding-justified", ctx.Lot, new { lot = ctx.Lot.TradeCode, finding = finding.Key, text, by = ctx.Me.Id, at = now }), ct);
        return await ViewAsync(await ContextAsync(principal, lotId, ct), ct);
    }

    public async Task<RoomView> DecideCompetitionAsync(ClaimsPrincipal principal, Guid lotId, CompetitionInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ctx = await ChairContextAsync(principal, lotId, "论证竞争性并作出决定", ct);
        EnsureStage(ctx.Room, "论证竞争性", RoomStage.Scoring);
        var assessment = CompetitionCheck.Assess(ctx.Project.Regime, EvaluatedBids(ctx), await EvaluationRulesAsync(ctx.Project, ct));
        if (assessment.Verdict == CompetitionVerdict.Sufficient)
        {
            throw Refuse(EvaluationErrors.CodeCompetition, assessment.Message + "无需作出否决全部投标的决定。", 409);
        }

        if (!input.RejectAll && assessment.Verdict != CompetitionVerdict.MayRejectAll)
        {
            throw Refuse(EvaluationErrors.CodeCompetition, assessment.Message, 409);
        }

        CompetitionDecision decision;
        try
        {
            decision = CompetitionDecision.Make(input.RejectAll, input.Argument ?? "", ctx.Me!.UserName, now);
        }
        catch (BusinessRuleException e)
        {
            throw new BusinessRuleException(e.Message, e.Citation, "argument") { Code = EvaluationErrors.CodeCompetition };
        }

        var room = await db.EvaluationRooms.SingleAsync(r => r.LotId == lotId, ct);
        room.RejectAll = decision.RejectAll;
        room.CompetitionArgument = decision.Argument;
        room.CompetitionBy = decision.By;
        room.CompetitionAt = now;
        room.Revision++;
        await SaveAsync(Entry("competition-decided", ctx.Lot, new { lot = ctx.Lot.TradeCode, verdict = assessment.Verdict.ToString(), rejectAll = decision.RejectAll, argument = decision.Argument, citation = assessment.Citation, by = ctx.Me!.Id, at = now }), ct);
        return await ViewAsync(await ContextAsync(principal, lotId, ct), ct);
    }

    // ---- Corrections and clarifications ----

    public async Task<RoomView> ProposeCorrectionAsync(ClaimsPrincipal principal, Guid lotId, CorrectionInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ctx = await ChairContextAsync(principal, lotId, "提出报价修正", ct);
        EnsureStage(ctx.Room, "修正报价", RoomStage.Compliance, RoomStage.Scoring);
        var bid = ctx.Bids.FirstOrDefault(b => b.BidId == input.BidId && b.RejectedAt is null)
            ?? throw Refuse(EvaluationErrors.CodeCorrection, "该投标不在评审范围内。", field: "bidId");
        if (await db.EvaluationCorrections.AnyAsync(c => c.LotId == lotId && c.BidId == bid.BidId, ct))
        {
            throw Refuse(EvaluationErrors.CodeCorrection, "该投标的报价修正已经提出。", 409);
        }

        if (input.SheetTotal <= 0)
        {
            throw Refuse(EvaluationErrors.CodeCorrection, "请填写开标一览表的投标总价（大于 0）。", field: "sheetTotal");
        }

        var lines = (input.Lines ?? []).Select(l => new PriceLine(l.Name?.Trim() ?? "", l.Quantity, l.UnitPrice, l.StatedTotal)).ToList();
        var proposal = PriceCorrector.Propose(ctx.Project.Regime, new QuotedPrice(input.SheetTotal, input.SheetTotalInWords, input.BodyTotal, lines));
        if (!proposal.Changes)
        {
            throw Refuse(EvaluationErrors.CodeCorrection, "按修正规则，投标报价无需修正" + (proposal.Unresolved is null ? "。" : "：" + proposal.Unresolved), field: "sheetTotal");
        }

        var correction = new EvaluationCorrection
        {
            Id = Guid.CreateVersion7(now),
            LotId = lotId,
            BidId = bid.BidId,
            ProposalJson = JsonSerializer.Serialize(proposal, Json),
            CorrectedPrice = proposal.CorrectedPrice,
            ProposedBy = ctx.Me!.UserName,
            ProposedAt = now,
        };
        db.EvaluationCorrections.Add(correction);
        await SaveAsync(Entry("correction-proposed", ctx.Lot, new
        {
            lot = ctx.Lot.TradeCode,
            correction = correction.Id,
            bid = bid.BidId,
            from = bid.ReadOutPrice,
            to = proposal.CorrectedPrice,
            steps = proposal.Steps.Select(s => s.Reason),
            by = ctx.Me.Id,
            at = now,
        }), ct);
        return await ViewAsync(await ContextAsync(principal, lotId, ct), ct);
    }

    /// <summary>
    /// The chair enters (or changes) the value of one of the documents' price adjustment factors for a bid in the detailed
    /// evaluation, with its reason (12号令 第三十二条、第三十三条): the evaluated price is the binding price plus the adjustments.
    /// Only the documents' factors; in 政府采购 only the policy deductions the validator let through (87号令 第五十四条).
    /// </summary>
    public async Task<RoomView> AdjustAsync(ClaimsPrincipal principal, Guid lotId, AdjustmentInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ctx = await ChairContextAsync(principal, lotId, "录入评标价格调整", ct);
        EnsureStage(ctx.Room, "录入评标价格调整", RoomStage.Scoring);
        var criteria = Criteria(ctx.Room);
        var code = input.FactorCode?.Trim() ?? "";
        var factor = criteria.Adjustments.FirstOrDefault(f => string.Equals(f.Code, code, StringComparison.Ordinal))
            ?? throw Refuse(EvaluationErrors.CodeAdjustment, (criteria.Adjustments.Count == 0
                ? "招标文件没有规定评标价格调整因素，不能调整投标报价"
                : $"“{code}”不是招标文件规定的评标价格调整因素，请从“{string.Join("、", criteria.Adjustments.Select(f => f.Name))}”中选择")
                + $"（依据：{EvaluationErrors.AdjustmentCitation}）。", field: "factorCode");
        var bid = ctx.Bids.FirstOrDefault(b => b.BidId == input.BidId && b.RejectedAt is null)
            ?? throw Refuse(EvaluationErrors.CodeAdjustment, "该投标不在详细评审范围内（已被否决或不属于本标段）。", field: "bidId");
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length is < 2 or > 500)
        {
            throw Refuse(EvaluationErrors.CodeAdjustment, $"请写明调整的理由（500 字以内），载入标价比较表（依据：{EvaluationErrors.AdjustmentCitation}）。", field: "reason");
        }

        if (factor.Kind == AdjustmentKind.PercentOfPrice ? input.Value is <= -100m or >= 100m : Math.Abs(input.Value) >= bid.ReadOutPrice)
        {
            throw Refuse(EvaluationErrors.CodeAdjustment, factor.Kind == AdjustmentKind.PercentOfPrice
                ? $"“{factor.Name}”按投标报价的百分比调整：请填写 -100 到 100 之间的百分数（负数为扣减）。"
                : $"“{factor.Name}”按金额（元）调整：调整额的绝对值须小于投标报价 {Figures.Yuan(bid.ReadOutPrice)}（负数为扣减）。", field: "value");
        }

        if (factor.PolicyDeduction && input.Value > 0)
        {
            throw Refuse(EvaluationErrors.CodeAdjustment, $"“{factor.Name}”是落实政府采购政策的价格扣除，只能扣减（填写负数或 0）（依据：{StatutoryRules.Order87}第五十四条）。", field: "value");
        }

        var stored = await db.EvaluationAdjustments.SingleOrDefaultAsync(a => a.LotId == lotId && a.BidId == bid.BidId && a.FactorCode == factor.Code, ct);
        if (stored is null)
        {
            db.EvaluationAdjustments.Add(new EvaluationAdjustment
            {
                Id = Guid.CreateVersion7(now),
                LotId = lotId,
                BidId = bid.BidId,
                FactorCode = factor.Code,
                Value = input.Value,
                Reason = reason,
                By = ctx.Me!.UserName,
                At = now,
            });
        }
        else
        {
            (stored.Value, stored.Reason, stored.By, stored.At) = (input.Value, reason, ctx.Me!.UserName, now);
        }

        // The comparison changed: the room's revision says so, as for every other act that changes what members see.
        (await db.EvaluationRooms.SingleAsync(r => r.LotId == lotId, ct)).Revision++;
        await SaveAsync(Entry("adjustment-set", ctx.Lot, new { lot = ctx.Lot.TradeCode, bid = bid.BidId, factor = factor.Code, value = input.Value, reason, citation = EvaluationErrors.AdjustmentCitation, by = ctx.Me!.Id, at = now }), ct);
        return await ViewAsync(await ContextAsync(principal, lotId, ct), ct);
    }

    public async Task<RoomView> AskAsync(ClaimsPrincipal principal, Guid lotId, ClarificationInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ctx = await ChairContextAsync(principal, lotId, "要求投标人澄清", ct);
        EnsureStage(ctx.Room, "要求澄清", RoomStage.Qualification, RoomStage.Compliance, RoomStage.Scoring);
        var bid = ctx.Bids.FirstOrDefault(b => b.BidId == input.BidId) ?? throw Refuse(EvaluationErrors.CodeClarification, "该投标不属于本标段。", field: "bidId");
        var question = input.Question?.Trim();
        if (question is not { Length: > 0 and <= 2000 })
        {
            throw Refuse(EvaluationErrors.CodeClarification, $"请写明要求澄清、说明或补正的事项（2000 字以内）；澄清不得超出投标文件的范围或改变投标文件的实质性内容（依据：{EvaluationErrors.ClarificationCitation}）。", field: "question");
        }

        if (input.Deadline is not { } deadline || deadline <= now.AddMinutes(5) || deadline > now.AddDays(7))
        {
            throw Refuse(EvaluationErrors.CodeClarification, "请给出答复截止时间：至少 5 分钟之后，7 日之内。", field: "deadline");
        }

        var clarification = new EvaluationClarification
        {
            Id = Guid.CreateVersion7(now),
            LotId = lotId,
            BidId = bid.BidId,
            Question = question,
            AskedBy = ctx.Me!.UserName,
            AskedAt = now,
            Deadline = deadline,
        };
        db.EvaluationClarifications.Add(clarification);
        await SaveAsync(Entry("clarification-requested", ctx.Lot, new { lot = ctx.Lot.TradeCode, clarification = clarification.Id, bid = bid.BidId, question, deadline, by = ctx.Me.Id, at = now }), ct);
        return await ViewAsync(await ContextAsync(principal, lotId, ct), ct);
    }

    // ---- The bidder ----

    public async Task<BidderEvaluationView> BidderAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var (lot, bid) = await OwnBidAsync(principal, lotId, ct);
        var corrections = await db.EvaluationCorrections.AsNoTracking().Where(c => c.LotId == lotId && c.BidId == bid.BidId).ToListAsync(ct);
        var clarifications = await db.EvaluationClarifications.AsNoTracking().Where(c => c.LotId == lotId && c.BidId == bid.BidId).ToListAsync(ct);
        var regime = (await db.Projects.AsNoTracking().SingleAsync(p => p.Id == lot.ProjectId, ct)).Regime;
        return new BidderEvaluationView(lot.Id, lot.TradeCode, lot.Name, [.. corrections.Select(c => CorrectionView(c, bid, regime))],
            [.. clarifications.OrderBy(c => c.AskedAt).Select(c => ClarificationView(c, bid, "评标委员会"))]);
    }

    public async Task<BidderEvaluationView> DecideCorrectionAsync(ClaimsPrincipal principal, Guid lotId, Guid correctionId, CorrectionDecisionInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (lot, bid) = await OwnBidAsync(principal, lotId, ct);
        var correction = await db.EvaluationCorrections.SingleOrDefaultAsync(c => c.Id == correctionId && c.LotId == lotId && c.BidId == bid.BidId, ct)
            ?? throw new NotFoundException(EvaluationErrors.NotFound);
        if (correction.State != CorrectionState.Proposed)
        {
            throw Refuse(EvaluationErrors.CodeCorrection, "该报价修正已经答复。", 409);
        }

        var room = await db.EvaluationRooms.AsNoTracking().SingleAsync(r => r.LotId == lotId, ct);
        if (room.Stage is not (RoomStage.Compliance or RoomStage.Scoring))
        {
            throw Refuse(EvaluationErrors.CodeState, "评审已经结束，不能再答复报价修正。", 409);
        }

        var user = TradingUser.From(principal);
        correction.State = input.Confirm ? CorrectionState.Confirmed : CorrectionState.Declined;
        correction.DecidedBy = user.UserName;
        correction.DecidedAt = now;
        await SaveAsync(Entry(input.Confirm ? "correction-confirmed" : "correction-declined", lot, new { lot = lot.TradeCode, correction = correction.Id, bid = bid.BidId, price = correction.CorrectedPrice, by = user.UserName, at = now }), ct);
        return await BidderAsync(principal, lotId, ct);
    }

    public async Task<BidderEvaluationView> AnswerAsync(ClaimsPrincipal principal, Guid lotId, Guid clarificationId, ClarificationAnswerInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (lot, bid) = await OwnBidAsync(principal, lotId, ct);
        var clarification = await db.EvaluationClarifications.SingleOrDefaultAsync(c => c.Id == clarificationId && c.LotId == lotId && c.BidId == bid.BidId, ct)
            ?? throw new NotFoundException(EvaluationErrors.NotFound);
        if (clarification.Answer is not null)
        {
            throw Refuse(EvaluationErrors.CodeClarification, "该澄清要求已经答复。", 409);
        }

        if (now > clarification.Deadline)
        {
            throw Refuse(EvaluationErrors.CodeClarification, $"答复截止时间 {ChinaTimeText(clarification.Deadline)} 已过，不能再答复（依据：{EvaluationErrors.ClarificationCitation}）。", 409);
        }

        var answer = input.Answer?.Trim();
        if (answer is not { Length: > 0 and <= 4000 })
        {
            throw Refuse(EvaluationErrors.CodeClarification, "请填写澄清、说明或补正的内容（4000 字以内），不得改变投标文件的实质性内容。", field: "answer");
        }

        var user = TradingUser.From(principal);
        clarification.Answer = answer;
        clarification.AnsweredBy = user.UserName;
        clarification.AnsweredAt = now;
        await SaveAsync(Entry("clarification-answered", lot, new { lot = lot.TradeCode, clarification = clarification.Id, bid = bid.BidId, by = user.UserName, digest = Sm3.HashHex(Encoding.UTF8.GetBytes(answer)), at = now }), ct);
        return await BidderAsync(principal, lotId, ct);
    }

    // ---- The report ----

    public async Task<RoomView> GenerateReportAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ctx = await ChairContextAsync(principal, lotId, "生成评标报告", ct);
        EnsureStage(ctx.Room, "生成评标报告", RoomStage.Scoring);
        var state = await FindingsAsync(ctx, ct);
        var rejectAll = ctx.Room.RejectAll == true;
        if (!rejectAll)
        {
            var unsubmitted = state.Criteria.Method == EvaluationMethod.Comprehensive ? ctx.Members.Where(m => !state.Round.HasSubmitted(m.Id)).ToList() : [];
            if (unsubmitted.Count > 0)
            {
                throw Refuse(EvaluationErrors.CodeIncomplete, $"尚有 {unsubmitted.Count} 位成员未提交评分（{string.Join("、", unsubmitted.Select(m => m.DisplayName))}）。", 409);
            }

            var readiness = ReportReadiness.Assess(state.Findings, state.Justifications);
            if (!readiness.CanSign || state.Outcome is null)
            {
                throw new BusinessRuleException("评标报告生成前的检查发现以下问题，须更正（畸高畸低评分可由评标委员会认定并说明理由）：" + string.Join(" ", readiness.Blocking.Select(f => f.Message).DefaultIfEmpty("没有有效投标可供比较。")),
                    (readiness.Blocking.Count > 0 ? readiness.Blocking[0].Citation : null))
                { Code = EvaluationErrors.CodeFindings, Status = 409 };
            }
        }

        var record = await db.BidOpenings.AsNoTracking().Where(o => o.LotId == lotId).Select(o => o.RecordDigest).SingleOrDefaultAsync(ct);
        var report = Report.Build(ctx, state, rejectAll, record, now);
        var room = await db.EvaluationRooms.SingleAsync(r => r.LotId == lotId, ct);
        room.ReportId = Guid.CreateVersion7(now);
        room.ReportHtml = report.Html;
        room.ReportDigest = Sm3.HashHex(Encoding.UTF8.GetBytes(report.Html));
        room.ReportGeneratedAt = now;
        room.ResultJson = JsonSerializer.Serialize(report.Result, Json);
        room.Stage = RoomStage.Signing;
        room.Revision++;
        await SaveAsync(Entry("report-generated", ctx.Lot, new { lot = ctx.Lot.TradeCode, report = room.ReportId, digest = room.ReportDigest, allRejected = rejectAll, candidates = report.Result.Candidates.Count, by = ctx.Me!.Id, at = now }), ct);
        return await ViewAsync(await ContextAsync(principal, lotId, ct), ct);
    }

    /// <summary>A member signs the report, or dissents with its reasons (12号令 第四十三条): an explicit act of its own session.</summary>
    public async Task<RoomView> SignAsync(ClaimsPrincipal principal, Guid lotId, SignInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ctx = await MemberContextAsync(principal, lotId, ct);
        EnsureStage(ctx.Room, "签署评标报告", RoomStage.Signing);
        if (await db.EvaluationSignatures.AnyAsync(s => s.LotId == lotId && s.MemberId == ctx.Me!.Id, ct))
        {
            throw Refuse(EvaluationErrors.CodeSignature, "本人已签署评标报告。", 409);
        }

        var reason = input.Reason?.Trim();
        if (!input.Agree && reason is not { Length: >= 10 and <= 2000 })
        {
            throw Refuse(EvaluationErrors.CodeSignature, $"对评标结论持有异议的，须以书面方式阐述不同意见和理由（10–2000 字），记入评标报告（依据：{EvaluationErrors.SignatureCitation}）。", field: "reason");
        }

        // Every signature moves the room's revision, so that the last two signing at once cannot both miss the completion.
        (await db.EvaluationRooms.SingleAsync(r => r.LotId == lotId, ct)).Revision++;
        db.EvaluationSignatures.Add(new EvaluationSignature
        {
            Id = Guid.CreateVersion7(now),
            LotId = lotId,
            MemberId = ctx.Me!.Id,
            Kind = input.Agree ? SignatureKind.Signed : SignatureKind.Dissented,
            Reason = input.Agree ? null : reason,
            ReportDigest = ctx.Room.ReportDigest!,
            At = now,
        });
        await SaveAsync(Entry(input.Agree ? "report-signed" : "report-dissented", ctx.Lot, new { lot = ctx.Lot.TradeCode, member = ctx.Me.Id, account = ctx.Me.UserName, report = ctx.Room.ReportDigest, reason = input.Agree ? null : reason, at = now }), ct);
        var ctx2 = await ContextAsync(principal, lotId, ct);
        var signed = await db.EvaluationSignatures.AsNoTracking().CountAsync(s => s.LotId == lotId, ct);
        return signed == ctx2.Members.Count ? await CompleteAsync(principal, lotId, ct) : await ViewAsync(ctx2, ct);
    }

    /// <summary>
    /// Completes the signing: every member has signed or dissented, or the chair (or the center) ends it and the silent
    /// members are deemed to agree (12号令 第四十三条). The lot moves on: 评标结束, or 招标失败 when every bid was rejected.
    /// </summary>
    public async Task<RoomView> CompleteAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ctx = await ContextAsync(principal, lotId, ct);
        var user = TradingUser.From(principal);
        var signatures = await db.EvaluationSignatures.AsNoTracking().Where(s => s.LotId == lotId).ToListAsync(ct);
        var allActed = signatures.Count == ctx.Members.Count;
        if (!(allActed && ctx.Me is not null) && !(ctx.Me is not null && ctx.Me.Id == ctx.Room.ChairId) && !user.IsCenter)
        {
            throw Refuse(EvaluationErrors.CodeChair, EvaluationErrors.ChairOnlyText("结束签署"), 403);
        }

        EnsureStage(ctx.Room, "结束签署", RoomStage.Signing);
        var drafts = new List<LedgerDraft>();
        foreach (var m in ctx.Members.Where(m => signatures.All(s => s.MemberId != m.Id)))
        {
            var deemed = new EvaluationSignature { Id = Guid.CreateVersion7(now), LotId = lotId, MemberId = m.Id, Kind = SignatureKind.Deemed, ReportDigest = ctx.Room.ReportDigest!, At = now };
            db.EvaluationSignatures.Add(deemed);
            signatures.Add(deemed);
            drafts.Add(Entry("report-deemed-agreed", ctx.Lot, new { lot = ctx.Lot.TradeCode, member = m.Id, account = m.UserName, report = ctx.Room.ReportDigest, citation = EvaluationErrors.SignatureCitation, at = now }));
        }

        var room = await db.EvaluationRooms.SingleAsync(r => r.LotId == lotId, ct);
        room.SignedHtml = Report.Sign(room.ReportHtml!, room.ReportDigest!, ctx.Members, signatures);
        var signedBytes = Encoding.UTF8.GetBytes(room.SignedHtml);
        room.SignedDigest = Sm3.HashHex(signedBytes);

        // The platform seals the signed report with its own key, as it seals the opening record, the award notice and the archive manifest.
        room.PlatformSignature = Convert.ToBase64String(signer.Sign(signedBytes));
        room.PlatformKeyFingerprint = signer.PublicKey.Fingerprint;
        room.SignedAt = now;
        room.Stage = RoomStage.Closed;
        room.Revision++;
        var lot = await db.Lots.Include(l => l.Steps).SingleAsync(l => l.Id == lotId, ct);
        var procedure = lot.Procedure(ctx.Project.Regime)!;
        if (room.RejectAll == true)
        {
            var reason = $"评标委员会否决全部投标：{room.CompetitionArgument}（依据：{EvaluationErrors.RejectAllCitation}）";
            procedure.Fail(reason, now);
            lot.Record(procedure, user.UserName);
            drafts.Add(new LedgerDraft("trading.lot.failed", $"lot:{lot.TradeCode}", new { lot = lot.TradeCode, from = LotState.Evaluating.ToString(), to = LotState.Failed.ToString(), at = now, reason, by = user.UserName }));
        }
        else
        {
            procedure.SubmitReport(now);
            lot.Record(procedure, user.UserName);
            drafts.Add(new LedgerDraft("trading.lot.evaluated", $"lot:{lot.TradeCode}", new { lot = lot.TradeCode, from = LotState.Evaluating.ToString(), to = LotState.Evaluated.ToString(), at = now, by = user.UserName }));
        }

        drafts.Insert(0, Entry("report-submitted", ctx.Lot, new
        {
            lot = ctx.Lot.TradeCode,
            report = room.ReportId,
            reportDigest = room.ReportDigest,
            signedDigest = room.SignedDigest,
            platformSignature = room.PlatformSignature,
            keyFingerprint = room.PlatformKeyFingerprint,
            allRejected = room.RejectAll == true,
            signatures = signatures.Select(s => new { member = s.MemberId, kind = s.Kind.ToString() }),
            by = user.UserName,
            at = now,
        }));
        await SaveAsync(drafts, ct);
        return await ViewAsync(await ContextAsync(principal, lotId, ct), ct);
    }

    /// <summary>The report document (HTML) for a member or a watcher; once signed, the signed one.</summary>
    public async Task<(string Html, string Digest)> ReportDocumentAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var ctx = await ContextAsync(principal, lotId, ct);
        if (ctx.Room.SignedHtml is { } signed)
        {
            await SaveAsync(Entry("report-read", ctx.Lot, new { lot = ctx.Lot.TradeCode, report = ctx.Room.SignedDigest, user = ctx.User.UserName, at = clock.GetUtcNow() }), ct);
            return (signed, ctx.Room.SignedDigest!);
        }

        if (ctx.Me is not { SignedInAt: not null } || ctx.Room.ReportHtml is null)
        {
            throw Refuse(EvaluationErrors.CodeState, "评标报告尚未签署完成。", 409);
        }

        await SaveAsync(Entry("report-read", ctx.Lot, new { lot = ctx.Lot.TradeCode, report = ctx.Room.ReportDigest, user = ctx.User.UserName, at = clock.GetUtcNow() }), ct);
        return (ctx.Room.ReportHtml, ctx.Room.ReportDigest!);
    }

    // ---- Internals ----

    internal sealed record RoomContext(
        Project Project, Lot Lot, EvaluationRoom Room, IReadOnlyList<EvaluationMember> Members, IReadOnlyList<EvaluationBid> Bids, EvaluationMember? Me,
        TradingUser User, IReadOnlyList<EvaluationCorrection> Corrections, IReadOnlyList<EvaluationClarification> Clarifications);

    internal sealed record FindingState(
        EvaluationCriteria Criteria, IReadOnlyList<EvaluatedBid> Bids, ScoringRound Round, IReadOnlyList<Finding> Findings,
        IReadOnlyList<Justification> Justifications, IReadOnlyList<EvaluationScoreRevision> Revisions, CompetitionAssessment Competition, CandidateList? Candidates,
        EvaluationOutcome? Outcome);

    private async Task<RoomContext> ContextAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var room = await db.EvaluationRooms.AsNoTracking().SingleOrDefaultAsync(r => r.LotId == lotId, ct) ?? throw new NotFoundException(EvaluationErrors.NotFound);
        var (project, lot) = await LotAsync(lotId, ct);
        var members = await db.EvaluationMembers.AsNoTracking().Where(m => m.LotId == lotId).OrderBy(m => m.Kind).ThenBy(m => m.Id).ToListAsync(ct);
        var me = members.FirstOrDefault(m => m.UserName == user.UserName);
        if (me is null && !user.MayRead(project))
        {
            throw Refuse(EvaluationErrors.CodeNotYours, EvaluationErrors.NotMember, 403);
        }

        var bids = await db.EvaluationBids.AsNoTracking().Where(b => b.LotId == lotId).ToListAsync(ct);
        var corrections = await db.EvaluationCorrections.AsNoTracking().Where(c => c.LotId == lotId).ToListAsync(ct);
        var clarifications = await db.EvaluationClarifications.AsNoTracking().Where(c => c.LotId == lotId).OrderBy(c => c.AskedAt).ToListAsync(ct);
        return new RoomContext(project, lot, room, members, [.. bids.OrderBy(b => b.BidderName, StringComparer.Ordinal)], me, user, corrections, clarifications);
    }

    private async Task<RoomContext> MemberContextAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var ctx = await ContextAsync(principal, lotId, ct);
        if (ctx.Me is null)
        {
            throw Refuse(EvaluationErrors.CodeNotYours, EvaluationErrors.NotMember, 403);
        }

        return ctx.Me.SignedInAt is null ? throw Refuse(EvaluationErrors.CodeNotSignedIn, EvaluationErrors.NotSignedIn, 403) : ctx;
    }

    private async Task<RoomContext> ChairContextAsync(ClaimsPrincipal principal, Guid lotId, string what, CancellationToken ct)
    {
        var ctx = await MemberContextAsync(principal, lotId, ct);
        return ctx.Room.ChairId == ctx.Me!.Id
            ? ctx
            : throw Refuse(EvaluationErrors.CodeChair, EvaluationErrors.ChairOnlyText(what), 403);
    }

    private async Task<(Lot Lot, EvaluationBid Bid)> OwnBidAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var lot = await db.Lots.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lotId, ct) ?? throw new NotFoundException(EvaluationErrors.NotFound);
        var bid = await db.EvaluationBids.AsNoTracking().SingleOrDefaultAsync(b => b.LotId == lotId && b.OrganizationId == user.OrganizationId, ct);
        return bid is null ? throw Refuse(EvaluationErrors.CodeNotYours, "本单位在该标段没有进入评审的投标。", 403) : (lot, bid);
    }

    private async Task<(Project Project, Lot Lot)> LotAsync(Guid lotId, CancellationToken ct, bool tracked = false)
    {
        var lot = tracked
            ? await db.Lots.Include(l => l.Steps).SingleOrDefaultAsync(l => l.Id == lotId, ct)
            : await db.Lots.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lotId, ct);
        var project = lot is null ? null : await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == lot.ProjectId, ct);
        return project is null || lot is null || !project.IsAccepted || lot.State == LotState.Draft
            ? throw new NotFoundException(EvaluationErrors.NotFound)
            : (project, lot);
    }

    private async Task<bool> MayChangeCriteriaAsync(Lot lot, CancellationToken ct) =>
        lot.State is not (LotState.Failed or LotState.Terminated or LotState.Archived) && !await db.EvaluationRooms.AnyAsync(r => r.LotId == lot.Id, ct)
        && lot.State is LotState.Draft or LotState.Announced or LotState.DocumentsOnSale or LotState.BiddingOpen or LotState.DeadlinePassed or LotState.Paused;

    private async Task<EvaluationRules> EvaluationRulesAsync(Project project, CancellationToken ct)
    {
        var effective = new List<EffectiveRule>();
        foreach (var rule in EvaluationRules.Rules)
        {
            effective.Add(await rules.EffectiveAsync(rule.Key, project.RegionCode, ct));
        }

        return new EvaluationRules(effective);
    }

    private static EvaluationCriteria Criteria(EvaluationRoom room) =>
        EvaluationCriteria.Parse(room.CriteriaJson).Criteria ?? throw new InvalidOperationException("The stored criteria do not parse.");

    private static Dictionary<string, decimal> Points(EvaluationScore s) =>
        JsonSerializer.Deserialize<Dictionary<string, decimal>>(s.PointsJson, Json) ?? new Dictionary<string, decimal>(StringComparer.Ordinal);

    private static List<EvaluatedBid> EvaluatedBids(RoomContext ctx) =>
        [.. ctx.Bids.Select(b => new EvaluatedBid(b.BidId, b.BidderName, b.ReadOutPrice, Correction(ctx, b),
            b.RejectedAt is { } stage ? new Rejection(stage, b.RejectionGround, b.RejectionReason) : null))];

    private static PriceCorrection? Correction(RoomContext ctx, EvaluationBid bid)
    {
        var stored = ctx.Corrections.FirstOrDefault(c => c.BidId == bid.BidId);
        if (stored is null)
        {
            return null;
        }

        var correction = new PriceCorrection(ctx.Project.Regime, JsonSerializer.Deserialize<CorrectionProposal>(stored.ProposalJson, Json)!);
        if (stored.State == CorrectionState.Confirmed)
        {
            correction.Confirm(stored.DecidedBy!, stored.DecidedAt!.Value);
        }
        else if (stored.State == CorrectionState.Declined)
        {
            correction.Decline(stored.DecidedBy!, stored.DecidedAt!.Value);
        }

        return correction;
    }

    internal Task<FindingState> FindingsAsync(RoomContext ctx, CancellationToken ct) => FindingsAsync(ctx, null, ct);

    /// <summary>The room's findings and, when the checks allow, its outcome; <paramref name="stored"/> are the lot's adjustments when the caller has read them already.</summary>
    private async Task<FindingState> FindingsAsync(RoomContext ctx, IReadOnlyList<EvaluationAdjustment>? stored, CancellationToken ct)
    {
        var criteria = Criteria(ctx.Room);
        var bids = EvaluatedBids(ctx);
        var committee = ctx.Members.Select(m => new CommitteeMember(m.Id, m.DisplayName)).ToList();
        var round = await RoundAsync(ctx, committee, bids, ct);
        var rulesNow = await EvaluationRulesAsync(ctx.Project, ct);
        var competition = CompetitionCheck.Assess(ctx.Project.Regime, bids, rulesNow);
        CompetitionDecision? decision = ctx.Room.RejectAll is { } rejectAll
            ? new CompetitionDecision(rejectAll, ctx.Room.CompetitionArgument!, ctx.Room.CompetitionBy!, ctx.Room.CompetitionAt!.Value)
            : null;
        EvaluationOutcome? outcome = null;
        CandidateList? candidates = null;
        var sheets = round.Submitted;
        var justifications = (await db.EvaluationJustifications.AsNoTracking().Where(j => j.LotId == ctx.Lot.Id).ToListAsync(ct))
            .Select(j => new Justification(j.FindingKey, j.Text, j.By, j.At)).ToList();
        var unanswered = ReportChecks.Clarifications(ctx.Clarifications.Where(c => c.AnsweredAt is null).Select(c => new OpenClarification(c.Id, c.BidId, c.Deadline)),
            bids, clock.GetUtcNow(), EvaluationErrors.ClarificationCitation);
        var findings = ReportChecks.Run(criteria, bids, committee, sheets, competition, decision).Concat(unanswered).ToList();
        var scored = criteria.Method != EvaluationMethod.Comprehensive || round.AllSubmitted;
        if (ReportReadiness.Assess(findings, justifications).CanSign && scored && bids.Any(b => b.IsValid) && decision?.RejectAll != true)
        {
            var adjustments = (stored ?? await AdjustmentsAsync(ctx, ct)).Select(a => new PriceAdjustment(a.BidId, a.FactorCode, a.Value, a.Reason)).ToList();
            outcome = BidComparison.Evaluate(criteria, bids, committee, sheets, adjustments);
            candidates = CandidateList.From(ctx.Project.Regime, criteria, outcome, rulesNow);
            findings = [.. ReportChecks.Run(criteria, bids, committee, sheets, competition, decision, candidates), .. unanswered];
        }

        var revisions = await db.EvaluationScoreRevisions.AsNoTracking().Where(r => r.LotId == ctx.Lot.Id).OrderBy(r => r.At).ToListAsync(ct);
        return new FindingState(criteria, bids, round, findings, justifications, revisions, competition, candidates, outcome);
    }

    private async Task<IReadOnlyList<EvaluationAdjustment>> AdjustmentsAsync(RoomContext ctx, CancellationToken ct) =>
        await db.EvaluationAdjustments.AsNoTracking().Where(a => a.LotId == ctx.Lot.Id).ToListAsync(ct);

    private async Task<ScoringRound> RoundAsync(RoomContext ctx, IReadOnlyList<CommitteeMember> committee, IReadOnlyList<EvaluatedBid> bids, CancellationToken ct)
    {
        var valid = bids.Where(b => b.Rejection is null).Select(b => b.BidId).ToList();
        var round = new ScoringRound(committee, valid);
        var stored = await db.EvaluationScores.AsNoTracking().Where(s => s.LotId == ctx.Lot.Id).ToListAsync(ct);
        foreach (var byMember in stored.Where(s => valid.Contains(s.BidId)).GroupBy(s => s.MemberId))
        {
            foreach (var s in byMember)
            {
                round.Draft(new ScoreSheet(s.MemberId, s.BidId, Points(s)));
            }

            if (byMember.All(s => s.SubmittedAt is not null) && valid.All(b => byMember.Any(s => s.BidId == b)))
            {
                round.Submit(byMember.Key, byMember.Max(s => s.SubmittedAt!.Value));
            }
        }

        return round;
    }

    private async Task<RoomView> ViewAsync(RoomContext ctx, CancellationToken ct)
    {
        var room = ctx.Room;
        var votes = await db.EvaluationVotes.AsNoTracking().Where(v => v.LotId == ctx.Lot.Id && v.Round == room.ElectionRound).Select(v => v.VoterId).ToListAsync(ct);
        var signatures = await db.EvaluationSignatures.AsNoTracking().Where(s => s.LotId == ctx.Lot.Id).ToListAsync(ct);
        var inside = ctx.Me is { SignedInAt: not null };
        var criteria = Criteria(room);

        // The lot's adjustments are read once: for the members' list below and for the outcome the findings compute.
        var storedAdjustments = inside ? await AdjustmentsAsync(ctx, ct) : null;
        FindingState? state = inside && room.Stage >= RoomStage.Scoring ? await FindingsAsync(ctx, storedAdjustments, ct) : null;
        var submitted = state?.Round is { } r ? ctx.Members.Where(m => r.HasSubmitted(m.Id)).Select(m => m.Id).ToHashSet() : [];
        var members = ctx.Members.Select(m => new RoomMemberView(m.Id, m.Kind == MemberKind.Expert ? "expert" : "representative", m.DisplayName,
            inside || ctx.User.IsCenter ? m.UserName : "", m.Specialty, m.Site, m.SiteName, m.SignedInAt, votes.Contains(m.Id), submitted.Contains(m.Id),
            signatures.FirstOrDefault(s => s.MemberId == m.Id)?.Kind.ToString().ToLowerInvariant())).ToList();
        var names = ctx.Members.ToDictionary(m => m.Id, m => m.DisplayName);
        IReadOnlyList<RoomBidView>? bids = null;
        IReadOnlyList<RoomItemView>? items = null;
        IReadOnlyList<RoomReviewView>? reviews = null;
        IReadOnlyList<RoomScoreView>? scores = null;
        IReadOnlyList<RoomFindingView>? findings = null;
        IReadOnlyList<RoomCorrectionView>? corrections = null;
        IReadOnlyList<RoomClarificationView>? clarifications = null;
        IReadOnlyList<RoomCandidateView>? candidates = null;
        IReadOnlyList<RoomFactorView>? factors = null;
        IReadOnlyList<RoomAdjustmentView>? adjustments = null;
        RoomComparisonView? comparison = null;
        if (inside)
        {
            factors = [.. criteria.Adjustments.Select(f => new RoomFactorView(f.Code, f.Name, f.Kind == AdjustmentKind.Amount ? "amount" : "percent", f.PolicyDeduction))];
            adjustments = [.. storedAdjustments!.OrderBy(a => a.At)
                .Select(a => new RoomAdjustmentView(a.BidId, ctx.Bids.First(b => b.BidId == a.BidId).BidderName, a.FactorCode,
                    criteria.Adjustments.FirstOrDefault(f => f.Code == a.FactorCode)?.Name ?? a.FactorCode, a.Value, a.Reason, a.By, a.At))];
            var evaluated = EvaluatedBids(ctx);
            bids = [.. ctx.Bids.Select(b => new RoomBidView(b.BidId, b.BidderName, b.ReadOutPrice, evaluated.First(e => e.BidId == b.BidId).BindingPrice, b.ProjectLeader,
                b.RejectedAt is { } s ? ReviewLabel(s) : null, b.RejectionGround, b.RejectionReason))];
            items = [.. criteria.Items.Select(i => new RoomItemView(criteria.GroupOf(i).Name, i.Code, i.Name, i.Kind.ToString().ToLowerInvariant(), i.MaxPoints,
                i.Kind == ItemKind.Price ? "按公式计算" : i.ScaleText()))];
            reviews = [.. (await db.EvaluationReviews.AsNoTracking().Where(x => x.LotId == ctx.Lot.Id && x.MemberId == ctx.Me!.Id).ToListAsync(ct))
                .Select(x => new RoomReviewView(x.Stage == ReviewStage.Qualification ? "qualification" : "compliance", x.BidId, x.Pass, x.Ground, x.Reason, x.At))];
            if (state is not null)
            {
                // Independence (87号令 第五十五条): the round shows the others' sheets only once this member submitted its own.
                scores = [.. state.Round.VisibleTo(ctx.Me!.Id).Select(s => new RoomScoreView(s.MemberId, names[s.MemberId], s.BidId, s.Points, state.Round.HasSubmitted(s.MemberId)))];
                findings = [.. state.Findings.Select(f => new RoomFindingView(f.Key, f.Kind.ToString(), f.Message, f.Citation, f.MayBeJustified,
                    state.Justifications.LastOrDefault(j => j.FindingKey == f.Key)?.Text))];
                candidates = state.Candidates?.Candidates.Select(c => new RoomCandidateView(c.Rank, c.BidderName, c.BidPrice, c.EvaluatedPrice, c.Total,
                    ctx.Bids.First(b => b.BidId == c.BidId).ProjectLeader)).ToList();
                comparison = state.Outcome is { } o
                    ? new RoomComparisonView(o.Benchmark, [.. o.Ranked.Select(x => new RoomComparisonRowView(x.BidId, x.BidderName, x.BidPrice, x.EvaluatedPrice, x.PriceScore,
                        x.Total, x.Rank, x.Tied))])
                    : null;
            }

            corrections = [.. ctx.Corrections.Select(c => CorrectionView(c, ctx.Bids.First(b => b.BidId == c.BidId), ctx.Project.Regime))];
            clarifications = [.. ctx.Clarifications.Select(c => ClarificationView(c, ctx.Bids.First(b => b.BidId == c.BidId), c.AskedBy))];
        }

        var report = room.ReportId is { } id
            ? new RoomReportView(id, room.ReportDigest!, room.ReportGeneratedAt!.Value, room.SignedDigest, room.SignedAt, room.RejectAll == true,
                room.PlatformSignature, room.PlatformKeyFingerprint)
            : null;
        var sites = ctx.Members.OrderBy(m => m.Site).Select(m => m.SiteName).Distinct().ToList();
        return new RoomView(ctx.Lot.Id, ctx.Lot.TradeCode, ctx.Lot.Name, ctx.Project.Name, ctx.Project.Regime == Regime.Tender ? "tender" : "procurement",
            criteria.Method == EvaluationMethod.Comprehensive ? "comprehensive" : "lowest-evaluated-price", StageName(room.Stage), StageLabel(room), room.OpenedAt,
            room.CriteriaDigest, members, room.ChairId, room.ElectionRound, ctx.Me?.Id, inside, ctx.Me is not null && ctx.Me.Id == room.ChairId, bids, items, reviews,
            scores, ctx.Me is not null && submitted.Contains(ctx.Me.Id), findings, state?.Competition.Message, room.RejectAll, room.CompetitionArgument, corrections,
            clarifications, candidates, report, inside ? room.ReportHtml : null, sites, room.Revision + signatures.Count + votes.Count, factors, adjustments, comparison);
    }

    private static RoomCorrectionView CorrectionView(EvaluationCorrection c, EvaluationBid bid, Regime regime)
    {
        var proposal = JsonSerializer.Deserialize<CorrectionProposal>(c.ProposalJson, Json)!;
        var correction = new PriceCorrection(regime, proposal);
        if (c.State == CorrectionState.Confirmed)
        {
            correction.Confirm(c.DecidedBy!, c.DecidedAt!.Value);
        }
        else if (c.State == CorrectionState.Declined)
        {
            correction.Decline(c.DecidedBy!, c.DecidedAt!.Value);
        }

        return new RoomCorrectionView(c.Id, c.BidId, bid.BidderName, bid.ReadOutPrice, c.CorrectedPrice, [.. proposal.Steps.Select(s => s.Reason)],
            c.State.ToString().ToLowerInvariant(), correction.Consequence(), c.ProposedAt, c.DecidedAt);
    }

    private static RoomClarificationView ClarificationView(EvaluationClarification c, EvaluationBid bid, string askedBy) =>
        new(c.Id, c.BidId, bid.BidderName, c.Question, c.Deadline, c.Answer, c.AnsweredAt, askedBy);

    private static void EnsureStage(EvaluationRoom room, string what, params RoomStage[] allowed)
    {
        if (!allowed.Contains(room.Stage))
        {
            throw Refuse(EvaluationErrors.CodeState, EvaluationErrors.StageText(StageLabel(room), what), 409);
        }
    }

    public static string StageName(RoomStage stage) => stage switch
    {
        RoomStage.Election => "election",
        RoomStage.Qualification => "qualification",
        RoomStage.Compliance => "compliance",
        RoomStage.Scoring => "scoring",
        RoomStage.Signing => "signing",
        RoomStage.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    public static string StageLabel(EvaluationRoom room) => room.Stage switch
    {
        RoomStage.Election => "推选主任",
        RoomStage.Qualification => "资格审查",
        RoomStage.Compliance => "符合性审查",
        RoomStage.Scoring => "详细评审",
        RoomStage.Signing => "签署评标报告",
        RoomStage.Closed => room.RejectAll == true ? "评标结束（否决全部投标）" : "评标结束",
        _ => throw new ArgumentOutOfRangeException(nameof(room), room.Stage, null),
    };

    public static string ReviewLabel(ReviewStage stage) => stage switch
    {
        ReviewStage.Qualification => "资格审查",
        ReviewStage.Compliance => "符合性审查",
        _ => "详细评审",
    };

    private static string RegimeName(Regime regime) => regime == Regime.Tender ? "工程招标" : "政府采购";

    private static string ChinaTimeText(DateTimeOffset at) => Ggzy.Platform.Time.ChinaTime.Format(at);

    private static string Cap(string text, int max) => text.Length <= max ? text : text[..max];

    private static LedgerDraft Entry(string type, Lot lot, object payload) => new("trading.evaluation." + type, $"lot:{lot.TradeCode}", payload);

    private Task SaveAsync(LedgerDraft draft, CancellationToken ct) => SaveAsync([draft], ct);

    private async Task SaveAsync(IReadOnlyList<LedgerDraft> drafts, CancellationToken ct)
    {
        try
        {
            await ledger.SaveChangesAsync(db, drafts, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw Refuse(EvaluationErrors.CodeState, "评标室刚被其他成员的操作更新：请刷新后重试。", 409);
        }
    }

    private static BusinessRuleException Refuse(string code, string message, int status = 422, string? citation = null, string? field = null) =>
        new(message, citation, field) { Code = code, Status = status };
}
