using Ggzy.Platform.Rules;
using static Ggzy.Trading.Domain.Evaluation.Figures;

namespace Ggzy.Trading.Domain.Evaluation;

/// <summary>What a before-report check found.</summary>
internal enum FindingKind
{
    /// <summary>A member did not score an item of a valid bid.</summary>
    MissingScore = 1,

    /// <summary>分项评分超出评分标准范围 (87号令 第六十四条（二）): below 0, above the maximum, or off the item's steps or levels.</summary>
    OutOfScale = 2,

    /// <summary>评标委员会成员对客观评审因素评分不一致 (87号令 第六十四条（三）; 1117号 (五)).</summary>
    ObjectiveMismatch = 3,

    /// <summary>评分畸高、畸低 (87号令 第六十四条（四）; 1117号 (五)): a member far from the others' mean.</summary>
    Deviation = 4,

    /// <summary>A rejection (否决投标) without its ground or reason (1117号 (五): 随意否决投标; 否决原因向投标人公开).</summary>
    RejectionWithoutReason = 5,

    /// <summary>Few valid bids (工程) and no recorded decision with its argument (1117号 (十三)).</summary>
    CompetitionNotArgued = 6,

    /// <summary>The candidates are not final (a tie the documents' rules do not break).</summary>
    CandidatesNotFinal = 7,

    /// <summary>
    /// A price correction still waits for the bidder, or the bidder declined it and the committee has not yet recorded its
    /// decision on the bid (87号令 第五十九条; 12号令 第二十二条).
    /// </summary>
    CorrectionUnsettled = 8,

    /// <summary>A clarification the committee asked for is not answered and its deadline has not passed: the committee waits for it.</summary>
    ClarificationPending = 9,

    /// <summary>
    /// A clarification's deadline passed without an answer (实施条例 第五十二条; 87号令 第五十一条): the committee must state how it
    /// evaluates the bid without it before the report, so it stands only with a justification.
    /// </summary>
    ClarificationUnanswered = 10,
}

/// <summary>
/// One finding of the checks before the report: a stable key (the same finding keeps its key between runs), what, where
/// (bid, item, member), the Chinese message and the article. Only a 畸高畸低 finding may stand with a justification — the
/// committee may judge a far-off score sound (87号令 第六十四条（四）: 经评标委员会认定); every other one must be resolved.
/// </summary>
internal sealed record Finding(string Key, FindingKind Kind, Guid? BidId, string? ItemCode, Guid? MemberId, string Message, string Citation)
{
    public bool MayBeJustified => Kind is FindingKind.Deviation or FindingKind.ClarificationUnanswered;
}

/// <summary>A clarification asked of a bid and not answered: its id, the bid and the deadline.</summary>
internal sealed record OpenClarification(Guid Id, Guid BidId, DateTimeOffset Deadline);

/// <summary>The committee's written justification of a finding, who gave it and when.</summary>
internal sealed record Justification(string FindingKey, string Text, string By, DateTimeOffset At)
{
    public const int MinLength = 10;
    public const int MaxLength = 2000;
}

/// <summary>
/// The checks before the report is signed (1117号 (五); 87号令 第六十四条; docs/evaluation.md §7): missing scores, scores
/// outside the scale, objective items scored differently, 畸高畸低 scores, rejections without ground or reason, price
/// corrections not settled, few valid bids without a recorded argument, candidates that are not final. Pure: run again after every change; a resolved
/// finding simply no longer appears.
/// </summary>
internal static class ReportChecks
{
    public const string Article64 = StatutoryRules.Order87 + "第六十四条";
    public const string Opinions5 = StatutoryRules.Opinions1117 + "（五）";

    public static IReadOnlyList<Finding> Run(
        EvaluationCriteria criteria,
        IReadOnlyList<EvaluatedBid> bids,
        IReadOnlyList<CommitteeMember> members,
        IReadOnlyList<ScoreSheet> sheets,
        CompetitionAssessment? competition = null,
        CompetitionDecision? decision = null,
        CandidateList? candidates = null)
    {
        var findings = new List<Finding>();
        Rejections(bids, findings);
        Corrections(bids, findings);
        if (criteria.Method == EvaluationMethod.Comprehensive)
        {
            foreach (var bid in bids.Where(b => b.IsValid))
            {
                foreach (var item in criteria.MemberItems)
                {
                    Item(criteria, bid, item, members, sheets, findings);
                }
            }
        }

        if (competition is { NeedsDecision: true } && decision is null)
        {
            findings.Add(new Finding("competition", FindingKind.CompetitionNotArgued, null, null, null,
                competition.Message + "尚未记录评标委员会的论证和结论。", competition.Citation ?? StatutoryRules.Opinions1117 + "（十三）"));
        }

        if (candidates is { IsFinal: false })
        {
            findings.Add(new Finding("candidates", FindingKind.CandidatesNotFinal, null, null, null, candidates.Problem!,
                StatutoryRules.TenderRegulations + "第五十三条"));
        }

        return findings;
    }

    /// <summary>
    /// The clarifications still without an answer at <paramref name="now"/>: one whose deadline has not passed blocks the report
    /// until it is answered or passes; one whose deadline passed blocks it until the committee states how it treats the bid.
    /// A clarification of a rejected bid no longer matters.
    /// </summary>
    public static IReadOnlyList<Finding> Clarifications(IEnumerable<OpenClarification> unanswered, IReadOnlyList<EvaluatedBid> bids, DateTimeOffset now, string citation)
    {
        var findings = new List<Finding>();
        foreach (var c in unanswered)
        {
            var bid = bids.FirstOrDefault(b => b.BidId == c.BidId);
            if (bid is null || !bid.IsValid)
            {
                continue;
            }

            findings.Add(c.Deadline > now
                ? new Finding($"clarification:{c.Id}", FindingKind.ClarificationPending, c.BidId, null, null,
                    $"投标人“{bid.BidderName}”尚未答复澄清要求（答复截止 {Ggzy.Platform.Time.ChinaTime.Format(c.Deadline)}）：请待其答复或截止时间届满（{citation}）。", citation)
                : new Finding($"clarification:{c.Id}", FindingKind.ClarificationUnanswered, c.BidId, null, null,
                    $"投标人“{bid.BidderName}”在截止时间 {Ggzy.Platform.Time.ChinaTime.Format(c.Deadline)} 前未答复澄清要求：评标委员会须认定如何评审该投标并说明理由（{citation}）。", citation));
        }

        return findings;
    }

    private static void Corrections(IReadOnlyList<EvaluatedBid> bids, List<Finding> findings)
    {
        foreach (var bid in bids.Where(b => b.Rejection is null && b.Correction is { Proposal.Changes: true }))
        {
            var correction = bid.Correction!;
            var message = correction.State switch
            {
                CorrectionState.Proposed => $"投标人“{bid.BidderName}”尚未确认修正后的报价 {Figures.Yuan(correction.Proposal.CorrectedPrice)}：修正后的报价经投标人确认后才产生约束力，请待其确认。",
                CorrectionState.Declined when correction.Regime == Schedule.Regime.Procurement =>
                    $"投标人“{bid.BidderName}”不确认修正后的报价，其投标无效：请将其列为无效投标并写明依据和理由。",
                CorrectionState.Declined => $"投标人“{bid.BidderName}”拒不确认修正后的报价：评标委员会可以否决其投标，请作出决定并写明依据和理由。",
                _ => null,
            };
            if (message is not null)
            {
                var citation = correction.Regime == Schedule.Regime.Procurement ? PriceCorrector.ProcurementArticle : StatutoryRules.Order12 + "第十九条、第二十二条";
                findings.Add(new Finding($"correction:{bid.BidId}", FindingKind.CorrectionUnsettled, bid.BidId, null, null,
                    message.TrimEnd('。') + $"（{citation}）。", citation));
            }
        }
    }

    private static void Rejections(IReadOnlyList<EvaluatedBid> bids, List<Finding> findings)
    {
        foreach (var bid in bids.Where(b => b.Rejection is not null))
        {
            var rejection = bid.Rejection!;
            var missing = (string.IsNullOrWhiteSpace(rejection.Ground), string.IsNullOrWhiteSpace(rejection.Reason)) switch
            {
                (true, true) => "依据和理由",
                (true, false) => "依据",
                (false, true) => "理由",
                _ => null,
            };
            if (missing is not null)
            {
                findings.Add(new Finding($"rejection:{bid.BidId}", FindingKind.RejectionWithoutReason, bid.BidId, null, null,
                    $"否决投标人“{bid.BidderName}”的投标（{Stage(rejection.Stage)}）未写明{missing}：否决投标须载明所依据的法定情形或招标文件条款及具体理由，"
                    + $"并向投标人公开被否决的原因（{Opinions5}）。", Opinions5));
            }
        }
    }

    private static void Item(
        EvaluationCriteria criteria, EvaluatedBid bid, CriteriaItem item, IReadOnlyList<CommitteeMember> members, IReadOnlyList<ScoreSheet> sheets,
        List<Finding> findings)
    {
        var scores = new List<(CommitteeMember Member, decimal Points)>();
        foreach (var member in members)
        {
            var sheet = sheets.FirstOrDefault(s => s.MemberId == member.Id && s.BidId == bid.BidId);
            if (sheet is null || !sheet.Points.TryGetValue(item.Code, out var points))
            {
                findings.Add(new Finding($"missing:{bid.BidId}:{item.Code}:{member.Id}", FindingKind.MissingScore, bid.BidId, item.Code, member.Id,
                    $"评委“{member.Name}”未对投标人“{bid.BidderName}”的“{item.Name}”评分，请补评。", StatutoryRules.Order87 + "第五十五条"));
                continue;
            }

            scores.Add((member, points));
            if (!item.OnScale(points, criteria.Decimals))
            {
                findings.Add(new Finding($"scale:{bid.BidId}:{item.Code}:{member.Id}", FindingKind.OutOfScale, bid.BidId, item.Code, member.Id,
                    $"评委“{member.Name}”对投标人“{bid.BidderName}”的“{item.Name}”评 {Points(points)} 分，超出评分标准（{item.ScaleText()}），"
                    + $"须当场更正并在评标报告中记载（{Basis(criteria, "（二）")}）。", Basis(criteria, "（二）")));
            }
        }

        if (item.Kind == ItemKind.Objective)
        {
            if (scores.Select(s => s.Points).Distinct().Count() > 1)
            {
                var detail = string.Join("，", scores.Select(s => $"{s.Member.Name} {Points(s.Points)} 分"));
                findings.Add(new Finding($"objective:{bid.BidId}:{item.Code}", FindingKind.ObjectiveMismatch, bid.BidId, item.Code, null,
                    $"客观评审项“{item.Name}”对投标人“{bid.BidderName}”的评分不一致（{detail}）：客观评审因素的评分应当一致，须复核更正"
                    + $"并在评标报告中记载（{Basis(criteria, "（三）")}）。", Basis(criteria, "（三）")));
            }

            return;
        }

        if (scores.Count < 3)
        {
            return;
        }

        var threshold = item.MaxPoints * criteria.DeviationThresholdPercent / 100m;
        foreach (var (member, points) in scores)
        {
            var others = scores.Where(s => s.Member.Id != member.Id).Average(s => s.Points);
            var deviation = points - others;
            if (Math.Abs(deviation) > threshold)
            {
                var high = deviation > 0;
                findings.Add(new Finding($"deviation:{bid.BidId}:{item.Code}:{member.Id}", FindingKind.Deviation, bid.BidId, item.Code, member.Id,
                    $"评委“{member.Name}”对投标人“{bid.BidderName}”的“{item.Name}”评 {Points(points)} 分，比其他评委的平均分 {Points(Round(others, 2))} 分"
                    + $"{(high ? "高" : "低")} {Points(Round(Math.Abs(deviation), 2))} 分，超过该项满分 {Points(item.MaxPoints)} 分的 {Percent(criteria.DeviationThresholdPercent)}，"
                    + $"疑似评分畸{(high ? "高" : "低")}：请复核更正，或由评标委员会认定并书面说明理由（{Basis(criteria, "（四）")}）。",
                    Basis(criteria, "（四）")));
            }
        }
    }

    // 87号令 binds 政府采购; 1117号 (五) the tenders under the 招标投标法.
    private static string Basis(EvaluationCriteria criteria, string clause) => criteria.Regime == Schedule.Regime.Procurement
        ? $"{Article64}第一款第{clause}项"
        : Opinions5;

    private static string Stage(ReviewStage stage) => stage switch
    {
        ReviewStage.Qualification => "资格审查",
        ReviewStage.Compliance => "符合性审查",
        ReviewStage.Detailed => "详细评审",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };
}

/// <summary>Whether the report may be signed: no finding left that is neither resolved nor (where allowed) justified.</summary>
internal sealed record ReportReadiness(IReadOnlyList<Finding> Blocking, IReadOnlyList<Finding> Justified)
{
    public bool CanSign => Blocking.Count == 0;

    /// <summary>
    /// Weighs the current findings against the justifications given: a justification counts only for a finding that may
    /// be justified, with a text of <see cref="Justification.MinLength"/>–<see cref="Justification.MaxLength"/> characters.
    /// </summary>
    public static ReportReadiness Assess(IReadOnlyList<Finding> findings, IEnumerable<Justification> justifications)
    {
        var given = justifications
            .Where(j => j.Text.Trim().Length is >= Justification.MinLength and <= Justification.MaxLength)
            .GroupBy(j => j.FindingKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var justified = findings.Where(f => f.MayBeJustified && given.ContainsKey(f.Key)).ToList();
        return new ReportReadiness([.. findings.Except(justified)], justified);
    }
}
