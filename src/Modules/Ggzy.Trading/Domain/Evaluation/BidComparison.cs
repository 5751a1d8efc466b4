using Ggzy.Platform.Errors;
using Ggzy.Platform.Rules;
using static Ggzy.Trading.Domain.Evaluation.Figures;

namespace Ggzy.Trading.Domain.Evaluation;

/// <summary>
/// Compares the valid bids by the documents' method (docs/evaluation.md §2–§3).
/// <para>
/// 综合评分法 / 综合评估法: each member scores every item but the price on its own; per group the members' points are
/// aggregated — the arithmetic mean of all members (政府采购: nothing dropped, 87号令 第五十五条), or, where the 工程
/// documents say so, the mean after dropping one highest and one lowest — and rounded. The price score is
/// (评标基准价 / 评标价) × the price item's points (= ×100×weight), the 评标基准价 being the lowest evaluated price of the
/// valid bids (87号令 第五十五条: 满足招标文件要求且投标价格最低的投标报价); in 政府采购 the price after the policy deduction
/// is used for both (同条). The total is the sum of the rounded parts; ranking is by total, high first, then the
/// documents' tie-breaks (87号令 第五十七条).
/// </para>
/// <para>
/// 经评审的最低投标价法 / 最低评标价法: the evaluated price is the binding price plus the documents' quantified adjustments
/// (12号令 第三十二条; in 政府采购 only the policy deduction, 87号令 第五十四条); ranking is by evaluated price, low first,
/// equal ones tied unless the documents separate them (87号令 第五十六条).
/// </para>
/// </summary>
internal static class BidComparison
{
    public static EvaluationOutcome Evaluate(
        EvaluationCriteria criteria,
        IReadOnlyList<EvaluatedBid> bids,
        IReadOnlyList<CommitteeMember> members,
        IReadOnlyList<ScoreSheet> sheets,
        IReadOnlyList<PriceAdjustment> adjustments,
        ILotDrawer? drawer = null)
    {
        if (bids.FirstOrDefault(b => b.Rejection is null && b.CorrectionPending) is { } pending)
        {
            throw new BusinessRuleException($"投标人“{pending.BidderName}”的报价修正尚待其确认，修正后的报价经投标人确认后才产生约束力，"
                + $"请待其确认后再汇总（{PriceCorrector.ProcurementArticle}；{StatutoryRules.Order12}第十九条）。");
        }

        var valid = bids.Where(b => b.IsValid).ToList();
        var excluded = bids.Where(b => !b.IsValid).ToList();
        var priced = valid.Select(b => Priced(criteria, b, adjustments)).ToList();
        return criteria.Method == EvaluationMethod.Comprehensive
            ? Comprehensive(criteria, priced, members, sheets, excluded, drawer)
            : LowestPrice(criteria, priced, excluded, drawer);
    }

    private sealed record PricedBid(EvaluatedBid Bid, decimal Price, decimal Evaluated, IReadOnlyList<AppliedAdjustment> Adjustments);

    private sealed record ScoredBid(PricedBid Bid, decimal PriceScore, IReadOnlyList<GroupScore> Groups, decimal Total);

    private static PricedBid Priced(EvaluationCriteria criteria, EvaluatedBid bid, IReadOnlyList<PriceAdjustment> adjustments)
    {
        var price = bid.BindingPrice!.Value;
        var applied = new List<AppliedAdjustment>();
        foreach (var adjustment in adjustments.Where(a => a.BidId == bid.BidId))
        {
            var factor = criteria.Adjustments.FirstOrDefault(f => string.Equals(f.Code, adjustment.FactorCode, StringComparison.Ordinal))
                ?? throw new BusinessRuleException($"价格调整因素“{adjustment.FactorCode}”不在招标文件规定的评标价格调整方法中，不得调整"
                    + $"（{StatutoryRules.Order12}第三十二条；{StatutoryRules.Order87}第五十四条）。");
            if (string.IsNullOrWhiteSpace(adjustment.Reason))
            {
                throw new BusinessRuleException($"对投标人“{bid.BidderName}”的“{factor.Name}”调整须说明理由，以载入标价比较表"
                    + $"（{StatutoryRules.Order12}第三十三条）。");
            }

            var effect = factor.Kind == AdjustmentKind.Amount ? adjustment.Value : Fen(price * adjustment.Value / 100m);
            applied.Add(new AppliedAdjustment(factor.Code, factor.Name, adjustment.Value, effect, adjustment.Reason.Trim()));
        }

        var evaluated = price + applied.Sum(a => a.Effect);
        if (evaluated <= 0)
        {
            throw new BusinessRuleException($"投标人“{bid.BidderName}”调整后的评标价为 {Yuan(evaluated)}，不是正数，请核对调整值。");
        }

        return new PricedBid(bid, price, evaluated, applied);
    }

    private static EvaluationOutcome Comprehensive(
        EvaluationCriteria criteria,
        List<PricedBid> priced,
        IReadOnlyList<CommitteeMember> members,
        IReadOnlyList<ScoreSheet> sheets,
        IReadOnlyList<EvaluatedBid> excluded,
        ILotDrawer? drawer)
    {
        var priceItem = criteria.PriceItem ?? throw new InvalidOperationException("Comprehensive criteria need a price item.");
        if (members.Count == 0)
        {
            throw new BusinessRuleException("没有评标委员会成员的评分，无法汇总。");
        }

        if (criteria.Aggregation == ScoreAggregation.MeanWithoutExtremes && members.Count < 3)
        {
            throw new BusinessRuleException($"去掉一个最高分和一个最低分后取平均，至少需要 3 名成员的评分，现只有 {members.Count} 名。");
        }

        decimal? benchmark = priced.Count == 0 ? null : priced.Min(p => p.Evaluated);
        var results = new List<ScoredBid>();
        foreach (var bid in priced)
        {
            var priceScore = Round(benchmark!.Value / bid.Evaluated * priceItem.MaxPoints, criteria.Decimals);
            var groups = criteria.Groups.Where(g => !g.Items.Contains(priceItem))
                .Select(g => Group(criteria, g, bid.Bid, members, sheets))
                .ToList();
            results.Add(new ScoredBid(bid, priceScore, groups, priceScore + groups.Sum(g => g.Points)));
        }

        var breaks = criteria.TieBreaks.Select(t => t switch
        {
            TieBreak.LowerPrice => new Ranking.Key<ScoredBid>(t, r => r.Bid.Price, false),
            TieBreak.HigherTechnicalScore => new Ranking.Key<ScoredBid>(t, r => r.Groups.First(g => g.GroupCode == criteria.TechnicalGroup).Points, true),
            TieBreak.DrawLots => new Ranking.Key<ScoredBid>(t, null, false),
            _ => throw new ArgumentOutOfRangeException(nameof(criteria), t, null),
        }).ToList();
        var (ranked, ties) = Ranking.Rank(results, r => r.Bid.Bid.BidId, r => r.Total, descending: true, breaks, drawer);
        return new EvaluationOutcome(EvaluationMethod.Comprehensive, benchmark,
            [.. ranked.Select(r => new BidResult(r.Entry.Bid.Bid.BidId, r.Entry.Bid.Bid.BidderName, r.Entry.Bid.Price, r.Entry.Bid.Evaluated,
                r.Entry.Bid.Adjustments, r.Entry.PriceScore, r.Entry.Groups, r.Entry.Total, r.Rank, r.Tied))],
            ties, excluded);
    }

    private static GroupScore Group(EvaluationCriteria criteria, CriteriaGroup group, EvaluatedBid bid, IReadOnlyList<CommitteeMember> members, IReadOnlyList<ScoreSheet> sheets)
    {
        var points = new List<(Guid Member, decimal Points)>();
        foreach (var member in members)
        {
            var sheet = sheets.FirstOrDefault(s => s.MemberId == member.Id && s.BidId == bid.BidId);
            var sum = 0m;
            foreach (var item in group.Items)
            {
                if (sheet is null || !sheet.Points.TryGetValue(item.Code, out var value))
                {
                    throw new BusinessRuleException($"评委“{member.Name}”尚未对投标人“{bid.BidderName}”的“{item.Name}”评分，请全部评分后再汇总。");
                }

                sum += value;
            }

            points.Add((member.Id, sum));
        }

        var dropped = new HashSet<Guid>();
        if (criteria.Aggregation == ScoreAggregation.MeanWithoutExtremes)
        {
            dropped.Add(points.MaxBy(p => p.Points).Member);
            dropped.Add(points.Where(p => !dropped.Contains(p.Member)).MinBy(p => p.Points).Member);
        }

        var kept = points.Where(p => !dropped.Contains(p.Member)).ToList();
        var aggregate = Round(kept.Sum(p => p.Points) / kept.Count, criteria.Decimals);
        return new GroupScore(group.Code, group.Name, aggregate, [.. points.Select(p => new MemberGroupScore(p.Member, p.Points, dropped.Contains(p.Member)))]);
    }

    private static EvaluationOutcome LowestPrice(EvaluationCriteria criteria, List<PricedBid> priced, IReadOnlyList<EvaluatedBid> excluded, ILotDrawer? drawer)
    {
        var breaks = criteria.TieBreaks.Where(t => t != TieBreak.HigherTechnicalScore).Select(t => t switch
        {
            TieBreak.LowerPrice => new Ranking.Key<PricedBid>(t, p => p.Price, false),
            _ => new Ranking.Key<PricedBid>(t, null, false),
        }).ToList();
        var (ranked, ties) = Ranking.Rank(priced, p => p.Bid.BidId, p => p.Evaluated, descending: false, breaks, drawer);
        return new EvaluationOutcome(EvaluationMethod.LowestEvaluatedPrice, null,
            [.. ranked.Select(r => new BidResult(r.Entry.Bid.BidId, r.Entry.Bid.BidderName, r.Entry.Price, r.Entry.Evaluated, r.Entry.Adjustments,
                null, [], null, r.Rank, r.Tied))],
            ties, excluded);
    }
}
