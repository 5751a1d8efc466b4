using Ggzy.Experts.Contracts;

namespace Ggzy.Experts.Drawing;

/// <summary>The parties of the lot whose people may not evaluate it, and where and when it is evaluated.</summary>
internal sealed record RecusalParties(
    DrawRegime Regime, string TendererCode, string? AgencyCode, IReadOnlyList<string> BidderCodes, string ProjectRegion, DateOnly EvaluationDate);

/// <summary>Whether an expert may be drawn at all, apart from the lot: in the pool, or suspended, blacklisted or removed.</summary>
internal enum CandidateStanding
{
    Active = 1,
    Suspended = 2,
    Blacklisted = 3,
    Inactive = 4,
}

internal enum SanctionKind
{
    /// <summary>暂停评标资格 for a period.</summary>
    Suspension = 1,

    /// <summary>列入黑名单 / 取消评标资格.</summary>
    Blacklist = 2,

    /// <summary>失信惩戒: barred from public resource trading.</summary>
    Debarment = 3,
}

/// <summary>A job the expert held at an organisation (by credit code), from and until (null: still employed there).</summary>
internal sealed record EmploymentFact(string CreditCode, DateOnly From, DateOnly? Until);

/// <summary>A close relative the expert declared, and the organisation (by credit code) that employs the relative.</summary>
internal sealed record RelativeFact(string Relation, string EmployerCode);

/// <summary>A period, both days included; an open end is null.</summary>
internal sealed record PeriodFact(DateOnly From, DateOnly? Until)
{
    public bool Covers(DateOnly day) => From <= day && (Until is not { } until || day <= until);
}

internal sealed record SanctionFact(SanctionKind Kind, PeriodFact Period);

/// <summary>
/// What the recusal needs to know of one expert who holds a demanded specialty. The facts may be pre-filtered to those
/// that can matter for this lot (jobs and relatives at its parties, leave and sanctions near its date); the evaluator
/// checks them in full either way.
/// </summary>
internal sealed record RecusalCandidate(
    Guid ExpertId,
    string RegionCode,
    IReadOnlyList<string> Specialties,
    CandidateStanding Standing,
    DateOnly PractisingSince,
    bool SeniorEquivalent,
    IReadOnlyList<EmploymentFact> Employments,
    IReadOnlyList<RelativeFact> Relatives,
    IReadOnlyList<PeriodFact> Leaves,
    IReadOnlyList<SanctionFact> Sanctions,
    int EvaluationsForTenderer);

/// <summary>Why an expert is not drawn for this lot: a stable code, the reason in Chinese and the provision it rests on.</summary>
internal sealed record RecusalExclusion(Guid ExpertId, string Code, string Reason, string Citation);

internal sealed record RecusalOutcome(IReadOnlyList<RecusalCandidate> Eligible, IReadOnlyList<RecusalExclusion> Excluded);
