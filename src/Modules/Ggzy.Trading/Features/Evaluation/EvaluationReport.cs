using System.Globalization;
using System.Net;
using System.Text;
using Ggzy.Platform.Time;
using Ggzy.Trading.Domain.Evaluation;
using Ggzy.Trading.Domain.Evaluation.Room;
using Ggzy.Trading.Domain.Schedule;
using static Ggzy.Trading.Domain.Evaluation.Figures;

namespace Ggzy.Trading.Features.Evaluation;

/// <summary>The report's result as stored for the award and the archive.</summary>
internal sealed record ReportResult(bool AllRejected, string? RejectionReason, IReadOnlyList<ReportedCandidate> Candidates, IReadOnlyList<ReportedBid> Bids);

/// <summary>
/// The evaluation report (评标报告) as one HTML document (UTF-8, fixed once generated, cited by its SM3), with the contents
/// of 12号令 第四十二条 and 87号令 第五十八条; and, once signed, the same document with its signature page.
/// </summary>
internal static class Report
{
    public static (string Html, ReportResult Result) Build(EvaluationRoomService.RoomContext ctx, EvaluationRoomService.FindingState state, bool rejectAll,
        string? openingRecordDigest, DateTimeOffset now)
    {
        var criteria = state.Criteria;
        var names = ctx.Members.ToDictionary(m => m.Id, m => m.DisplayName);
        var outcome = rejectAll ? null : state.Outcome;
        var results = outcome?.Ranked.ToDictionary(r => r.BidId) ?? [];
        var candidates = rejectAll || state.Candidates is null ? [] : state.Candidates.Candidates;
        var reportedCandidates = candidates.Select(c =>
        {
            var bid = ctx.Bids.First(b => b.BidId == c.BidId);
            return new ReportedCandidate(c.Rank, c.BidId, bid.OrganizationId, c.BidderName, c.BidPrice, c.EvaluatedPrice, c.Total, bid.ProjectLeader, bid.ProjectLeaderCertificate);
        }).ToList();
        var reportedBids = ctx.Bids.Select(b =>
        {
            var evaluated = state.Bids.First(e => e.BidId == b.BidId);
            var result = results.GetValueOrDefault(b.BidId);
            var reason = b.RejectedAt is not null ? $"{b.RejectionGround}：{b.RejectionReason}" : rejectAll ? "评标委员会否决全部投标" : null;
            return new ReportedBid(b.BidId, b.OrganizationId, b.BidderName, evaluated.BindingPrice ?? b.ReadOutPrice, b.RejectedAt is null && !rejectAll, reason,
                result?.Total, result?.Rank);
        }).ToList();
        var rejection = rejectAll ? ctx.Room.CompetitionArgument : null;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>评标报告 ").Append(E(ctx.Lot.TradeCode)).Append("</title></head><body>\n");
        html.Append("<h1>评标报告</h1>\n");
        html.Append("<h2>一、基本情况和数据表</h2>\n<table>");
        Row(html, "项目名称", ctx.Project.Name);
        Row(html, "标段", $"{ctx.Lot.Name}（{ctx.Lot.TradeCode}）");
        Row(html, "适用法律", ctx.Project.Regime == Regime.Tender ? "工程建设项目招标投标" : "政府采购");
        Row(html, "招标人（采购人）", ctx.Project.TendererName);
        Row(html, "代理机构", ctx.Project.AgencyName ?? "—");
        Row(html, "评标开始", ChinaTime.Format(ctx.Room.OpenedAt));
        Row(html, "报告生成", ChinaTime.Format(now));
        Row(html, "评标地点", string.Join("；", ctx.Members.Select(m => m.SiteName).Distinct()));
        html.Append("</table>\n");

        html.Append("<h2>二、评标委员会成员名单</h2>\n<table><tr><th>成员</th><th>类别</th><th>专业</th><th>评标地点</th><th>签到时间</th><th>职务</th></tr>");
        foreach (var m in ctx.Members)
        {
            html.Append("<tr><td>").Append(E(m.DisplayName)).Append("</td><td>").Append(m.Kind == MemberKind.Expert ? "评审专家" : "招标人代表")
                .Append("</td><td>").Append(E(m.Specialty ?? "—")).Append("</td><td>").Append(E(m.SiteName)).Append("</td><td>")
                .Append(m.SignedInAt is { } at ? ChinaTime.Format(at) : "—").Append("</td><td>").Append(m.Id == ctx.Room.ChairId ? "主任（组长）" : "成员").Append("</td></tr>");
        }

        html.Append("</table>\n");
        html.Append("<h2>三、开标记录</h2>\n<p>平台签名的开标记录，SM3：").Append(E(openingRecordDigest ?? "—")).Append("</p>\n<table><tr><th>投标人</th><th>开标报价</th><th>项目负责人</th></tr>");
        foreach (var b in ctx.Bids)
        {
            html.Append("<tr><td>").Append(E(b.BidderName)).Append("</td><td>").Append(Yuan(b.ReadOutPrice)).Append("</td><td>").Append(E(b.ProjectLeader ?? "—")).Append("</td></tr>");
        }

        html.Append("</table>\n<h2>四、符合要求的投标一览表</h2>\n<ul>");
        foreach (var b in reportedBids.Where(b => b.Valid))
        {
            html.Append("<li>").Append(E(b.BidderName)).Append("，评审价格 ").Append(b.BidPrice is { } p ? Yuan(p) : "—").Append("</li>");
        }

        html.Append("</ul>\n<h2>五、否决投标（废标）情况说明</h2>\n<ul>");
        foreach (var b in ctx.Bids.Where(b => b.RejectedAt is not null))
        {
            html.Append("<li>").Append(E(b.BidderName)).Append('（').Append(EvaluationRoomService.ReviewLabel(b.RejectedAt!.Value)).Append("）：依据 ")
                .Append(E(b.RejectionGround ?? "—")).Append("；理由 ").Append(E(b.RejectionReason ?? "—")).Append("</li>");
        }

        html.Append("</ul>\n");
        if (ctx.Room.RejectAll is { } all)
        {
            html.Append("<p>有效投标不足三个的论证（").Append(E(state.Competition.Citation ?? "")).Append("）：").Append(E(ctx.Room.CompetitionArgument ?? ""))
                .Append("。结论：").Append(all ? "否决全部投标。" : "投标未明显缺乏竞争，继续评标。").Append("</p>\n");
        }

        html.Append("<h2>六、评标标准和评标方法</h2>\n<p>").Append(criteria.Method == EvaluationMethod.Comprehensive ? "综合评分法（综合评估法）" : "经评审的最低投标价法（最低评标价法）")
            .Append("；评标办法 ggzy.evaluation-criteria.v1 第 ").Append(criteria.Revision).Append(" 版，SM3：").Append(E(ctx.Room.CriteriaDigest)).Append("</p>\n<table><tr><th>评审因素</th><th>评审项</th><th>分值</th><th>评分标准</th></tr>");
        foreach (var g in criteria.Groups)
        {
            foreach (var i in g.Items)
            {
                html.Append("<tr><td>").Append(E(g.Name)).Append("</td><td>").Append(E(i.Name)).Append("</td><td>").Append(Points(i.MaxPoints)).Append("</td><td>")
                    .Append(i.Kind == ItemKind.Price ? "（评标基准价/评标价）×分值" : E(i.ScaleText())).Append("</td></tr>");
            }
        }

        html.Append("</table>\n<h2>七、经评审的价格或者评分比较一览表</h2>\n");
        if (outcome is not null)
        {
            html.Append("<p>评标基准价：").Append(outcome.Benchmark is { } bm ? Yuan(bm) : "—").Append("</p>\n<table><tr><th>投标人</th><th>投标报价</th><th>评标价</th><th>价格分</th>");
            foreach (var g in criteria.Groups.Where(g => g.Items.All(i => i.Kind != ItemKind.Price)))
            {
                html.Append("<th>").Append(E(g.Name)).Append("</th>");
            }

            html.Append("<th>总分</th><th>排序</th></tr>");
            foreach (var r in outcome.Ranked)
            {
                html.Append("<tr><td>").Append(E(r.BidderName)).Append("</td><td>").Append(Yuan(r.BidPrice)).Append("</td><td>").Append(Yuan(r.EvaluatedPrice)).Append("</td><td>")
                    .Append(r.PriceScore is { } ps ? Points(ps) : "—").Append("</td>");
                foreach (var g in criteria.Groups.Where(g => g.Items.All(i => i.Kind != ItemKind.Price)))
                {
                    var gs = r.Groups.FirstOrDefault(x => x.GroupCode == g.Code);
                    html.Append("<td>").Append(gs is null ? "—" : Points(gs.Points) + "（" + string.Join("，", gs.Members.Select(m => names[m.MemberId] + " " + Points(m.Points))) + "）").Append("</td>");
                }

                html.Append("<td>").Append(r.Total is { } t ? Points(t) : "—").Append("</td><td>").Append(r.Rank).Append(r.Tied ? "（并列）" : "").Append("</td></tr>");
            }

            html.Append("</table>\n");
            var adjusted = outcome.Ranked.SelectMany(r => r.Adjustments.Select(a => (r.BidderName, a))).ToList();
            if (adjusted.Count > 0)
            {
                html.Append("<p>评标价格调整（标价比较表）：</p>\n<table><tr><th>投标人</th><th>调整因素</th><th>调整值</th><th>调整额</th><th>理由</th></tr>");
                foreach (var (bidder, a) in adjusted)
                {
                    html.Append("<tr><td>").Append(E(bidder)).Append("</td><td>").Append(E(a.FactorName)).Append("</td><td>").Append(a.Value.ToString("0.####", CultureInfo.InvariantCulture))
                        .Append("</td><td>").Append(Yuan(a.Effect)).Append("</td><td>").Append(E(a.Reason)).Append("</td></tr>");
                }

                html.Append("</table>\n");
            }
        }
        else
        {
            html.Append("<p>否决全部投标，未进行比较。</p>\n");
        }

        html.Append("<h2>八、评分更正和认定</h2>\n<ul>");
        foreach (var r in state.Revisions)
        {
            html.Append("<li>").Append(E(names.GetValueOrDefault(r.MemberId, "—"))).Append(" 更正 ").Append(E(ctx.Bids.FirstOrDefault(b => b.BidId == r.BidId)?.BidderName ?? ""))
                .Append(" 的 ").Append(E(r.ItemCode)).Append('：').Append(r.From is { } f ? Points(f) : "—").Append(" → ").Append(Points(r.To)).Append("，理由：").Append(E(r.Reason))
                .Append('（').Append(ChinaTime.Format(r.At)).Append("）</li>");
        }

        html.Append("</ul>\n");
        if (state.Justifications.Count > 0)
        {
            var byAccount = ctx.Members.GroupBy(m => m.UserName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().DisplayName, StringComparer.Ordinal);
            var labels = new JustificationLabels(ctx.Bids.ToDictionary(b => b.BidId, b => b.BidderName), names,
                criteria.Items.ToDictionary(i => i.Code, i => i.Name, StringComparer.Ordinal), ctx.Clarifications.ToDictionary(c => c.Id, c => (c.BidId, c.Question)));
            html.Append("<p>评标委员会的认定和理由：</p>\n<table><tr><th>事项</th><th>投标人</th><th>评委</th><th>评审项</th><th>认定理由</th><th>认定人</th><th>时间</th></tr>");
            foreach (var j in state.Justifications)
            {
                var f = labels.Describe(j.FindingKey);
                html.Append("<tr><td>").Append(E(f.Kind)).Append("</td><td>").Append(E(f.Bidder ?? "—")).Append("</td><td>").Append(E(f.Member ?? "—")).Append("</td><td>")
                    .Append(E(f.Item ?? "—")).Append("</td><td>").Append(E(j.Text)).Append("</td><td>").Append(E(byAccount.GetValueOrDefault(j.By, j.By)))
                    .Append("</td><td>").Append(ChinaTime.Format(j.At)).Append("</td></tr>");
            }

            html.Append("</table>\n");
        }

        html.Append("<h2>九、经评审的投标人排序和推荐的中标候选人</h2>\n<table><tr><th>排名</th><th>中标候选人</th><th>投标报价</th><th>评标价</th><th>总分</th><th>项目负责人</th></tr>");
        foreach (var c in reportedCandidates)
        {
            html.Append("<tr><td>").Append(c.Rank).Append("</td><td>").Append(E(c.BidderName)).Append("</td><td>").Append(Yuan(c.BidPrice)).Append("</td><td>")
                .Append(Yuan(c.EvaluatedPrice)).Append("</td><td>").Append(c.Total is { } t ? Points(t) : "—").Append("</td><td>").Append(E(c.ProjectLeader ?? "—")).Append("</td></tr>");
        }

        html.Append("</table>\n<h2>十、澄清、说明、补正事项纪要和报价修正</h2>\n<ul>");
        foreach (var c in ctx.Clarifications)
        {
            html.Append("<li>").Append(E(ctx.Bids.First(b => b.BidId == c.BidId).BidderName)).Append("：问 ").Append(E(c.Question)).Append("；答 ")
                .Append(E(c.Answer ?? "（截止时未答复）")).Append("</li>");
        }

        foreach (var c in ctx.Corrections)
        {
            html.Append("<li>").Append(E(ctx.Bids.First(b => b.BidId == c.BidId).BidderName)).Append(" 报价修正为 ").Append(Yuan(c.CorrectedPrice)).Append('：')
                .Append(c.State switch { CorrectionState.Confirmed => "投标人已确认", CorrectionState.Declined => "投标人不确认", _ => "待确认" }).Append("</li>");
        }

        html.Append("</ul>\n</body></html>\n");
        return (html.ToString(), new ReportResult(rejectAll, rejection, reportedCandidates, reportedBids));
    }

    /// <summary>The report with its signature page (12号令 第四十三条): each member signed, dissented with its reasons, or is deemed to agree.</summary>
    public static string Sign(string reportHtml, string reportDigest, IReadOnlyList<EvaluationMember> members, IReadOnlyList<EvaluationSignature> signatures)
    {
        var page = new StringBuilder();
        page.Append("<h2>评标委员会成员签署</h2>\n<p>所签署评标报告的 SM3：").Append(E(reportDigest)).Append("</p>\n<table><tr><th>成员</th><th>签署</th><th>不同意见和理由</th><th>时间</th></tr>");
        foreach (var m in members)
        {
            var s = signatures.First(x => x.MemberId == m.Id);
            page.Append("<tr><td>").Append(E(m.DisplayName)).Append("</td><td>")
                .Append(s.Kind switch { SignatureKind.Signed => "签字同意", SignatureKind.Dissented => "签署不同意见", _ => "未签字且未陈述理由，视为同意评标结论" })
                .Append("</td><td>").Append(E(s.Reason ?? "")).Append("</td><td>").Append(ChinaTime.Format(s.At)).Append("</td></tr>");
        }

        page.Append("</table>\n");
        var end = reportHtml.LastIndexOf("</body>", StringComparison.Ordinal);
        return reportHtml[..end] + page + reportHtml[end..];
    }

    private static void Row(StringBuilder html, string label, string value) =>
        html.Append("<tr><th>").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    internal static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A justified finding as the report shows it: what kind of finding, and the bidder, member and item it concerns, in Chinese.</summary>
internal sealed record JustifiedFinding(string Kind, string? Bidder, string? Member, string? Item);

/// <summary>
/// Reads a finding's key (<c>deviation:{bid}:{item}:{member}</c>, <c>clarification:{id}</c>, <c>rejection:{bid}</c>, …, as
/// <see cref="ReportChecks"/> makes them) into its Chinese labels for the report and the archive.
/// </summary>
internal sealed class JustificationLabels(
    IReadOnlyDictionary<Guid, string> bidders,
    IReadOnlyDictionary<Guid, string> members,
    IReadOnlyDictionary<string, string> items,
    IReadOnlyDictionary<Guid, (Guid BidId, string Question)> clarifications)
{
    public JustifiedFinding Describe(string key)
    {
        var parts = key.Split(':');
        string? Bidder(int i) => parts.Length > i && Guid.TryParse(parts[i], out var id) ? bidders.GetValueOrDefault(id) : null;
        string? Member(int i) => parts.Length > i && Guid.TryParse(parts[i], out var id) ? members.GetValueOrDefault(id) : null;
        string? Item(int i) => parts.Length > i ? items.TryGetValue(parts[i], out var name) ? $"{name}（{parts[i]}）" : parts[i] : null;
        return parts[0] switch
        {
            "deviation" => new JustifiedFinding("评分畸高畸低", Bidder(1), Member(3), Item(2)),
            "scale" => new JustifiedFinding("评分超出评分标准", Bidder(1), Member(3), Item(2)),
            "missing" => new JustifiedFinding("漏评", Bidder(1), Member(3), Item(2)),
            "objective" => new JustifiedFinding("客观评审因素评分不一致", Bidder(1), null, Item(2)),
            "rejection" => new JustifiedFinding("否决投标的依据和理由", Bidder(1), null, null),
            "correction" => new JustifiedFinding("报价修正", Bidder(1), null, null),
            "clarification" when parts.Length > 1 && Guid.TryParse(parts[1], out var id) && clarifications.TryGetValue(id, out var c) =>
                new JustifiedFinding("澄清逾期未答复", bidders.GetValueOrDefault(c.BidId), null, $"澄清：{c.Question}"),
            "clarification" => new JustifiedFinding("澄清逾期未答复", null, null, null),
            _ => new JustifiedFinding("其他认定事项", null, null, null),
        };
    }
}
