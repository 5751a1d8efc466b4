using Ggzy.Platform.Rules;
using Ggzy.Trading.Domain.Schedule;

namespace Ggzy.Trading.Domain.Evaluation;

/// <summary>A recommended candidate (中标候选人): its rank, bidder, price, total score (comprehensive) and whether it is tied.</summary>
internal sealed record Candidate(int Rank, Guid BidId, string BidderName, decimal BidPrice, decimal EvaluatedPrice, decimal? Total, bool Tied);

/// <summary>
/// The candidates the committee recommends: the valid bids ranked within the documents' number (at most 3, 实施条例
/// 第五十三条), with the problem that keeps them from being final, if any — a tie across the last place, or, under 工程招标,
/// any tie among them (candidates are listed in order, 标明排序; a tie cannot be broken by lot, 1117号 (二)). Under 政府采购
/// tied candidates may stand (并列, 87号令 第五十六条、第五十七条); the purchaser separates them at the award (第六十八条).
/// </summary>
internal sealed record CandidateList(IReadOnlyList<Candidate> Candidates, string? Problem)
{
    public bool IsFinal => Problem is null;

    public static CandidateList From(Regime regime, EvaluationCriteria criteria, EvaluationOutcome outcome, EvaluationRules rules)
    {
        var wanted = criteria.Candidates;
        if (regime == Regime.Tender)
        {
            wanted = Math.Min(wanted, EvaluationRules.Whole(rules.Rule(StatutoryRules.TenderCandidates)));
        }

        var list = outcome.Ranked
            .Where(r => r.Rank <= wanted)
            .Select(r => new Candidate(r.Rank, r.BidId, r.BidderName, r.BidPrice, r.EvaluatedPrice, r.Total, r.Tied))
            .ToList();
        if (list.Count > wanted)
        {
            var names = string.Join("、", list.Where(c => c.Rank == list[^1].Rank).Select(c => c.BidderName));
            return new CandidateList(list, $"第 {list[^1].Rank} 名并列（{names}），推荐的中标候选人将超过 {wanted} 个：请按招标文件规定的方法确定排序。");
        }

        if (regime == Regime.Tender && list.Any(c => c.Tied))
        {
            var names = string.Join("、", list.Where(c => c.Tied).Select(c => c.BidderName));
            return new CandidateList(list, $"中标候选人（{names}）排名并列：中标候选人应当标明排序，请按招标文件规定的方法确定排序"
                + $"（{StatutoryRules.TenderRegulations}第五十三条），不得以抽签等方式确定（{StatutoryRules.Opinions1117}（二））。");
        }

        return new CandidateList(list, null);
    }
}
