using Ggzy.Platform.Rules;
using Ggzy.Trading.Domain.Schedule;

namespace Ggzy.Trading.Domain.Evaluation;

/// <summary>What the number of bids left after the reviews allows.</summary>
internal enum CompetitionVerdict
{
    /// <summary>Enough bids: the comparison goes on.</summary>
    Sufficient = 1,

    /// <summary>
    /// 工程: fewer valid bids than 3 — the committee may reject all for lack of competition, and must argue either way in the
    /// report (12号令 第二十七条; 1117号 (十三)).
    /// </summary>
    MayRejectAll = 2,

    /// <summary>政府采购: fewer than 3 qualified bidders — no evaluation (87号令 第四十四条).</summary>
    MustNotEvaluate = 3,

    /// <summary>政府采购: fewer than 3 compliant bidders — the procurement fails (采购法 第三十六条; 87号令 第四十三条).</summary>
    Failed = 4,

    /// <summary>No valid bid at all: re-tender (12号令 第二十七条: 所有投标被否决的，招标人应当依法重新招标).</summary>
    NoValidBid = 5,
}

/// <summary>The verdict, the counts, what the committee must or may do next, in Chinese with the articles.</summary>
internal sealed record CompetitionAssessment(CompetitionVerdict Verdict, int Qualified, int Valid, string Message, string? RuleKey, string? Citation)
{
    /// <summary>Whether the committee must record its reasoned decision before the report can be signed.</summary>
    public bool NeedsDecision => Verdict == CompetitionVerdict.MayRejectAll;
}

/// <summary>
/// The committee's decision when few valid bids remain (工程): reject all, or go on — with the argument the report records
/// (1117号 (十三): 应当对投标是否明显缺乏竞争和是否需要否决全部投标进行充分论证，并在评标报告中记载论证过程和结果).
/// </summary>
internal sealed record CompetitionDecision(bool RejectAll, string Argument, string By, DateTimeOffset At)
{
    public const int MinArgumentLength = 10;
    public const int MaxArgumentLength = 2000;

    public static CompetitionDecision Make(bool rejectAll, string argument, string by, DateTimeOffset at)
    {
        var text = argument?.Trim() ?? "";
        if (text.Length is < MinArgumentLength or > MaxArgumentLength)
        {
            throw StatutoryRules.TenderValidBids.Violation(
                $"有效投标不足 3 个时，评标委员会应当论证投标是否明显缺乏竞争、是否否决全部投标，论证须 {MinArgumentLength}–{MaxArgumentLength} 字，请补充",
                "Argument");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return new CompetitionDecision(rejectAll, text, by, at);
    }
}

/// <summary>Assesses the number of bids left after each review (docs/evaluation.md §6).</summary>
internal static class CompetitionCheck
{
    public static CompetitionAssessment Assess(Regime regime, IReadOnlyList<EvaluatedBid> bids, EvaluationRules rules)
    {
        var qualified = bids.Count(b => b.Qualified);
        var valid = bids.Count(b => b.IsValid);
        if (regime == Regime.Procurement)
        {
            var min = rules.Rule(StatutoryRules.ProcurementEvaluationBidders);
            var threshold = EvaluationRules.Whole(min);
            if (qualified < threshold)
            {
                return new CompetitionAssessment(CompetitionVerdict.MustNotEvaluate, qualified, valid,
                    $"通过资格审查的投标人只有 {qualified} 家，不足 {threshold} 家，不得评标；除采购任务取消外，采购人应当改正后依法重新招标，"
                    + $"或者报财政部门批准后采用其他采购方式（依据：{min.Source}）。", min.Rule.Key, min.Source);
            }

            if (valid < threshold)
            {
                return new CompetitionAssessment(CompetitionVerdict.Failed, qualified, valid,
                    $"符合招标文件实质性要求的投标人只有 {valid} 家，不足 {threshold} 家，应予废标并将理由通知所有投标人；"
                    + $"采购人应当依法重新招标或者报财政部门批准后采用其他采购方式（依据：{min.Source}）。", min.Rule.Key, min.Source);
            }

            return new CompetitionAssessment(CompetitionVerdict.Sufficient, qualified, valid, $"有效投标 {valid} 家，可以评标。", null, null);
        }

        var rule = rules.Rule(StatutoryRules.TenderValidBids);
        if (valid == 0)
        {
            return new CompetitionAssessment(CompetitionVerdict.NoValidBid, qualified, valid,
                $"所有投标均被否决，招标人应当依法重新招标（依据：{StatutoryRules.Order12}第二十七条）。", rule.Rule.Key, rule.Source);
        }

        return valid < EvaluationRules.Whole(rule)
            ? new CompetitionAssessment(CompetitionVerdict.MayRejectAll, qualified, valid,
                $"有效投标只有 {valid} 个，不足 {EvaluationRules.Whole(rule)} 个：评标委员会应当论证投标是否明显缺乏竞争，可以否决全部投标，"
                + $"并在评标报告中记载论证过程和结果（依据：{rule.Source}）。", rule.Rule.Key, rule.Source)
            : new CompetitionAssessment(CompetitionVerdict.Sufficient, qualified, valid, $"有效投标 {valid} 个，可以评标。", null, null);
    }
}
