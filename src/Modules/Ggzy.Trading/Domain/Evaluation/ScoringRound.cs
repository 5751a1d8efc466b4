namespace Ggzy.Trading.Domain.Evaluation;

/// <summary>One member's scores for one bid: the points per item code (the price item is never among them).</summary>
internal sealed record ScoreSheet(Guid MemberId, Guid BidId, IReadOnlyDictionary<string, decimal> Points);

/// <summary>
/// A change to a submitted score after the before-report checks, with the reason — the committee corrects the result on
/// the spot and the report records it (87号令 第六十四条).
/// </summary>
internal sealed record ScoreRevision(Guid MemberId, Guid BidId, string ItemCode, decimal? From, decimal To, string Reason, DateTimeOffset At);

/// <summary>
/// The members' independent scoring (87号令 第五十五条: 各成员应当独立对每个投标人的投标文件进行评价; 第六十二条（四）: subjective
/// items are not scored by agreement). A member sees only its own sheets until it has submitted them all; after that it
/// sees every submitted sheet. A submitted sheet changes only by a recorded <see cref="ScoreRevision"/>.
/// </summary>
internal sealed class ScoringRound
{
    private readonly Dictionary<Guid, CommitteeMember> _members;
    private readonly Dictionary<(Guid Member, Guid Bid), ScoreSheet> _drafts = [];
    private readonly Dictionary<(Guid Member, Guid Bid), ScoreSheet> _submitted = [];
    private readonly Dictionary<Guid, DateTimeOffset> _submittedAt = [];
    private readonly List<ScoreRevision> _revisions = [];

    public ScoringRound(IEnumerable<CommitteeMember> members, IEnumerable<Guid> bids)
    {
        _members = members.ToDictionary(m => m.Id);
        Bids = [.. bids];
    }

    public IReadOnlyList<Guid> Bids { get; }

    public IReadOnlyList<CommitteeMember> Members => [.. _members.Values];

    public IReadOnlyList<ScoreRevision> Revisions => _revisions;

    public bool HasSubmitted(Guid member) => _submittedAt.ContainsKey(member);

    public DateTimeOffset? SubmittedAt(Guid member) => _submittedAt.TryGetValue(member, out var at) ? at : null;

    public bool AllSubmitted => _members.Keys.All(HasSubmitted);

    /// <summary>Every submitted sheet (what the aggregation and the checks use).</summary>
    public IReadOnlyList<ScoreSheet> Submitted => [.. _submitted.Values];

    /// <summary>Saves a member's draft for a bid; only the member sees it.</summary>
    public void Draft(ScoreSheet sheet)
    {
        Member(sheet.MemberId);
        if (HasSubmitted(sheet.MemberId))
        {
            throw new InvalidOperationException("评分已提交，不能再修改草稿；如需更正，须经复核并记录理由。");
        }

        if (!Bids.Contains(sheet.BidId))
        {
            throw new InvalidOperationException("该投标不在本次评审范围内。");
        }

        _drafts[(sheet.MemberId, sheet.BidId)] = sheet;
    }

    /// <summary>Submits the member's drafts for every bid, at once; a bid without a draft refuses the submission.</summary>
    public void Submit(Guid member, DateTimeOffset at)
    {
        Member(member);
        if (HasSubmitted(member))
        {
            throw new InvalidOperationException("评分已提交。");
        }

        var missing = Bids.Where(b => !_drafts.ContainsKey((member, b))).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"尚有 {missing.Count} 个投标未评分，请全部评分后再提交。");
        }

        foreach (var bid in Bids)
        {
            _submitted[(member, bid)] = _drafts[(member, bid)];
            _drafts.Remove((member, bid));
        }

        _submittedAt[member] = at;
    }

    /// <summary>
    /// The sheets <paramref name="member"/> may see: its own (drafts or submitted) always; the others' submitted ones only
    /// once it has submitted its own.
    /// </summary>
    public IReadOnlyList<ScoreSheet> VisibleTo(Guid member)
    {
        Member(member);
        var own = _drafts.Values.Concat(_submitted.Values).Where(s => s.MemberId == member);
        return HasSubmitted(member) ? [.. own.Concat(_submitted.Values.Where(s => s.MemberId != member))] : [.. own];
    }

    /// <summary>Changes one submitted score, with the reason; the revision is kept for the report.</summary>
    public ScoreRevision Revise(Guid member, Guid bid, string itemCode, decimal points, string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (!_submitted.TryGetValue((member, bid), out var sheet))
        {
            throw new InvalidOperationException("只能更正已提交的评分。");
        }

        var points0 = sheet.Points.TryGetValue(itemCode, out var before) ? before : (decimal?)null;
        var changed = new Dictionary<string, decimal>(sheet.Points, StringComparer.Ordinal) { [itemCode] = points };
        _submitted[(member, bid)] = sheet with { Points = changed };
        var revision = new ScoreRevision(member, bid, itemCode, points0, points, reason.Trim(), at);
        _revisions.Add(revision);
        return revision;
    }

    private CommitteeMember Member(Guid id) =>
        _members.GetValueOrDefault(id) ?? throw new InvalidOperationException("不是本评标委员会的成员。");
}
