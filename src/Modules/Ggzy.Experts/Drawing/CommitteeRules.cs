using Ggzy.Experts.Contracts;
using Ggzy.Platform.Rules;

namespace Ggzy.Experts.Drawing;

/// <summary>The committee a draw request asks for: its members, of whom the tenderer's representatives, and the demands.</summary>
internal sealed record CommitteeRequest(
    DrawRegime Regime, DrawMethod Method, decimal BudgetYuan, bool ComplexOrHighImpact, int Members, int Representatives,
    IReadOnlyList<Contracts.Drawing.DrawDemand> Demands)
{
    public int Experts => Members - Representatives;
}

/// <summary>The numbers of the composition rules as they apply in the lot's region (a region may only tighten them).</summary>
internal sealed record CommitteeLimits(int TenderMembers, int ProcurementMembers, int LargeMembers, decimal LargeThresholdWan, int GroupMembers)
{
    public static readonly CommitteeLimits National = new(
        (int)StatutoryRules.TenderCommitteeMembers.Value,
        (int)StatutoryRules.ProcurementCommitteeMembers.Value,
        (int)StatutoryRules.ProcurementLargeCommitteeMembers.Value,
        StatutoryRules.ProcurementLargeCommitteeThreshold.Value,
        (int)StatutoryRules.ProcurementGroupMembers.Value);
}

/// <summary>A composition rule the request breaks: its stable code, the Chinese refusal and the article it rests on.</summary>
internal sealed record CompositionViolation(string Code, string Message, string Citation, string Field);

/// <summary>
/// The composition of an evaluation committee (评标委员会) or a negotiation or quotation group, each rule named with its
/// article: the size (an odd number of at least 5, 7 for large procurements, 3 for groups), the experts' share (at least
/// two thirds), and the demands, which must add up to the experts drawn.
/// </summary>
internal static class CommitteeRules
{
    public const string MembersCode = "COMMITTEE_MEMBERS";
    public const string OddCode = "COMMITTEE_ODD";
    public const string ShareCode = "COMMITTEE_EXPERT_SHARE";
    public const string DemandCode = "COMMITTEE_DEMAND";

    public const string TenderShareCitation = StatutoryRules.TenderLaw + "第三十七条；" + StatutoryRules.TenderRegulations + "第四十六条";
    public const string ProcurementShareCitation = StatutoryRules.Order87 + "第四十七条";
    public const string NegotiationCitation = StatutoryRules.ProcurementLaw + "第三十八条";
    public const string QuotationCitation = StatutoryRules.ProcurementLaw + "第四十条";

    public static IReadOnlyList<CompositionViolation> Check(CommitteeRequest request, CommitteeLimits limits)
    {
        var (minimum, rule, citation, body) = Size(request, limits);
        var violations = new List<CompositionViolation>();
        if (request.Members < minimum)
        {
            violations.Add(new(MembersCode, $"{body}成员应为 {minimum} 人以上单数，申请的是 {request.Members} 人（{rule}）", citation, "members"));
        }
        else if (request.Members % 2 == 0)
        {
            violations.Add(new(OddCode, $"{body}成员人数应为单数，申请的是 {request.Members} 人（{rule}）", citation, "members"));
        }

        var shareCitation = request.Regime == DrawRegime.Tender ? TenderShareCitation : ShareCitation(request.Method);
        if (request.Representatives < 0 || request.Experts * 3 < request.Members * 2)
        {
            violations.Add(new(ShareCode,
                $"{body}中专家不得少于成员总数的三分之二：{request.Members} 人中至少 {(request.Members * 2 + 2) / 3} 名专家，"
                + $"申请的专家为 {request.Experts} 人、招标人（采购人）代表 {request.Representatives} 人", shareCitation, "representatives"));
        }

        var demanded = request.Demands.Sum(d => d.Count);
        if (request.Demands.Count == 0 || request.Demands.Any(d => d.Count < 1) || demanded != request.Experts)
        {
            violations.Add(new(DemandCode,
                $"各专业抽取人数之和（{demanded} 人）应等于{body}中的专家人数（成员 {request.Members} 人减去代表 {request.Representatives} 人，即 {request.Experts} 人），且每个专业至少 1 人",
                shareCitation, "demands"));
        }

        return violations;
    }

    private static string ShareCitation(DrawMethod method) => method switch
    {
        DrawMethod.CompetitiveNegotiation => NegotiationCitation,
        DrawMethod.RequestForQuotation => QuotationCitation,
        DrawMethod.OpenTender or DrawMethod.InvitedTender => ProcurementShareCitation,
    };

    private static (int Minimum, string Rule, string Citation, string Body) Size(CommitteeRequest request, CommitteeLimits limits)
    {
        if (request.Regime == DrawRegime.Tender)
        {
            return (limits.TenderMembers, "依据：" + StatutoryRules.TenderCommitteeMembers.Citation, StatutoryRules.TenderCommitteeMembers.Citation, "评标委员会");
        }

        switch (request.Method)
        {
            case DrawMethod.CompetitiveNegotiation:
                return (limits.GroupMembers, "依据：" + NegotiationCitation, NegotiationCitation, "谈判小组");
            case DrawMethod.RequestForQuotation:
                return (limits.GroupMembers, "依据：" + QuotationCitation, QuotationCitation, "询价小组");
            case DrawMethod.OpenTender or DrawMethod.InvitedTender:
                break;
        }

        var large = request.BudgetYuan >= limits.LargeThresholdWan * 10_000m;
        if (large || request.ComplexOrHighImpact)
        {
            var why = large ? $"采购预算 {StatutoryRule.Format(request.BudgetYuan / 10_000m)} 万元，达到 {StatutoryRule.Format(limits.LargeThresholdWan)} 万元" : "技术复杂或者社会影响较大";
            return (Math.Max(limits.LargeMembers, limits.ProcurementMembers), $"{why}；依据：{StatutoryRules.ProcurementLargeCommitteeMembers.Citation}",
                StatutoryRules.ProcurementLargeCommitteeMembers.Citation, "评标委员会");
        }

        return (limits.ProcurementMembers, "依据：" + StatutoryRules.ProcurementCommitteeMembers.Citation, StatutoryRules.ProcurementCommitteeMembers.Citation, "评标委员会");
    }
}
