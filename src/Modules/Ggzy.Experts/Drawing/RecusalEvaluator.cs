using Ggzy.Platform.Rules;

namespace Ggzy.Experts.Drawing;

/// <summary>
/// Recusal (回避, docs/expert-draw.md §2): which candidates may be drawn for a lot, and why each other one may not. The
/// checks run in a fixed order and an expert is excluded by the first that applies: standing in the pool, sanctions,
/// leave on the evaluation day, employment now or within the look-back at the tenderer, the agency or a bidder, a declared
/// relative employed by one of them, too many evaluations for the same tenderer, then the center's own rules.
/// </summary>
internal sealed class RecusalEvaluator(RecusalOptions options)
{
    public RecusalOutcome Evaluate(RecusalParties parties, IEnumerable<RecusalCandidate> candidates)
    {
        var bidders = parties.BidderCodes.ToHashSet(StringComparer.Ordinal);
        var lookBack = parties.EvaluationDate.AddYears(-options.FormerEmploymentYears);
        // Sized once when the candidates are counted (a round's are): ten thousand and more, grown by doubling, would
        // leave a trail of arrays, the last ones on the large object heap.
        var eligible = candidates is IReadOnlyCollection<RecusalCandidate> counted ? new List<RecusalCandidate>(counted.Count)
            : candidates.TryGetNonEnumeratedCount(out var count) ? new List<RecusalCandidate>(count) : [];
        var excluded = new List<RecusalExclusion>();
        foreach (var candidate in candidates)
        {
            if (Exclusion(parties, bidders, lookBack, candidate) is { } exclusion)
            {
                excluded.Add(exclusion);
            }
            else
            {
                eligible.Add(candidate);
            }
        }

        return new RecusalOutcome(eligible, excluded);
    }

    private RecusalExclusion? Exclusion(RecusalParties parties, HashSet<string> bidders, DateOnly lookBack, RecusalCandidate c)
    {
        var day = parties.EvaluationDate;
        RecusalExclusion Exclude(string code, string reason, string citation) => new(c.ExpertId, code, reason, citation);

        switch (c.Standing)
        {
            case CandidateStanding.Suspended:
                return Exclude(RecusalReasons.Suspended, "专家的评标资格处于暂停期间", RecusalReasons.StandingCitation);
            case CandidateStanding.Blacklisted:
                return Exclude(RecusalReasons.Blacklisted, "专家已被列入黑名单", RecusalReasons.StandingCitation);
            case CandidateStanding.Inactive:
                return Exclude(RecusalReasons.Inactive, "专家已停用或退出专家库", RecusalReasons.StandingCitation);
            case CandidateStanding.Active:
                break;
        }

        // 招标投标法 第三十七条：评标专家应当从事相关领域工作满八年并具有高级职称或者具有同等专业水平。
        if (parties.Regime == Contracts.DrawRegime.Tender
            && (!c.SeniorEquivalent || c.PractisingSince.AddYears(RecusalReasons.EngineeringYears) > day))
        {
            return Exclude(RecusalReasons.NotQualified, c.SeniorEquivalent ? TooFewYears : NoSeniorTitle, RecusalReasons.QualificationCitation);
        }

        // Most candidates have none of these facts: the lists are checked for being empty first, before anything is made of
        // them, and nothing here captures a variable in a lambda (a round looks at thousands of candidates; an empty list
        // or a closure made per candidate was most of what a round allocated).
        if (c.Sanctions.Count > 0 && SanctionOn(c.Sanctions, day) is { } kind)
        {
            return kind switch
            {
                SanctionKind.Suspension => Exclude(RecusalReasons.Suspended, "评标之日专家处于暂停评标资格期间", RecusalReasons.StandingCitation),
                SanctionKind.Blacklist => Exclude(RecusalReasons.Blacklisted, "评标之日专家处于黑名单期间", RecusalReasons.StandingCitation),
                SanctionKind.Debarment => Exclude(RecusalReasons.Debarred, "评标之日专家处于失信惩戒期间", RecusalReasons.StandingCitation),
            };
        }

        for (var i = 0; i < c.Leaves.Count; i++)
        {
            if (c.Leaves[i].Covers(day))
            {
                return Exclude(RecusalReasons.OnLeave, "专家在评标之日请假", RecusalReasons.LeaveCitation);
            }
        }

        var years = options.FormerEmploymentYears;
        for (var i = 0; i < c.Employments.Count; i++)
        {
            var job = c.Employments[i];
            if (!(job.From <= day && (job.Until is not { } until || until >= lookBack)))
            {
                continue;
            }

            var party = job.CreditCode == parties.TendererCode ? RecusalReasons.TendererEmployee
                : job.CreditCode == parties.AgencyCode ? RecusalReasons.AgencyEmployee
                : bidders.Contains(job.CreditCode) ? RecusalReasons.BidderEmployee
                : null;
            if (party is not null)
            {
                var when = job.Until is null ? "现任职于" : $"评标之日前 {years} 年内曾任职于";
                return Exclude(party, when + PartyName(party), RecusalReasons.EmploymentCitation(parties.Regime, party));
            }
        }

        for (var i = 0; i < c.Relatives.Count; i++)
        {
            var relative = c.Relatives[i];
            var code = relative.EmployerCode;
            if (code == parties.TendererCode || code == parties.AgencyCode || bidders.Contains(code))
            {
                var party = code == parties.TendererCode ? RecusalReasons.TendererEmployee
                    : code == parties.AgencyCode ? RecusalReasons.AgencyEmployee : RecusalReasons.BidderEmployee;
                return Exclude(RecusalReasons.Relative, $"专家申报的近亲属（{relative.Relation}）任职于" + PartyName(party),
                    RecusalReasons.RelativeCitation(parties.Regime));
            }
        }

        if (options.MaxEvaluationsForSameTenderer is { } max && c.EvaluationsForTenderer >= max)
        {
            return Exclude(RecusalReasons.Frequency,
                $"近 {options.WindowDays} 日内已为该招标人（采购人）评标 {c.EvaluationsForTenderer} 次，达到限额 {max} 次", options.FrequencyBasis);
        }

        for (var i = 0; i < options.CenterRules.Count; i++)
        {
            var rule = options.CenterRules[i];
            if (Applies(rule, parties, c))
            {
                return Exclude(RecusalReasons.CenterPrefix + rule.Code, rule.Name, rule.Basis);
            }
        }

        return null;
    }

    private static readonly string TooFewYears = $"从事相关领域工作不满 {RecusalReasons.EngineeringYears} 年";
    private const string NoSeniorTitle = "不具有高级职称或者同等专业水平";

    // The kind of the sanction in force on the day that comes first (suspension, blacklist, debarment), or null.
    private static SanctionKind? SanctionOn(IReadOnlyList<SanctionFact> sanctions, DateOnly day)
    {
        SanctionKind? first = null;
        for (var i = 0; i < sanctions.Count; i++)
        {
            if (sanctions[i].Period.Covers(day) && (first is not { } kind || sanctions[i].Kind < kind))
            {
                first = sanctions[i].Kind;
            }
        }

        return first;
    }

    private static bool Applies(CenterRecusalRule rule, RecusalParties parties, RecusalCandidate c)
    {
        if (rule.Regime is { } regime && regime != parties.Regime)
        {
            return false;
        }

        var current = c.Employments.Where(j => j.Until is null).Select(j => j.CreditCode);
        return rule.Regions.Any(r => RegionCodes.Covers(r, c.RegionCode))
            || (rule.SameRegionAsProject && c.RegionCode == parties.ProjectRegion)
            || current.Any(rule.Employers.Contains);
    }

    private static string PartyName(string party) => party switch
    {
        RecusalReasons.TendererEmployee => "本项目的招标人（采购人）",
        RecusalReasons.AgencyEmployee => "本项目的招标代理机构",
        _ => "本标段的投标人（供应商）",
    };
}
