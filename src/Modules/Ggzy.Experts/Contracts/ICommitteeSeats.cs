namespace Ggzy.Experts.Contracts;

/// <summary>
/// A drawn expert who signed in at the evaluation (with the credit commitment): the seat, the expert's platform account
/// (role Expert; null while the center has not linked one), the draw's pseudonym, the specialty and the site.
/// </summary>
public sealed record CommitteeSeat(
    Guid SeatId,
    Guid ExpertId,
    string? AccountUserName,
    string Pseudonym,
    string Specialty,
    string SpecialtyName,
    int Site,
    DateTimeOffset SignedInAt);

/// <summary>
/// The committee a lot's draw requested (members, of whom the tenderer's representatives; the sites) and the drawn
/// experts who have signed in so far.
/// </summary>
public sealed record LotCommittee(
    Guid DrawId,
    Guid LotId,
    int Members,
    int Representatives,
    IReadOnlyList<DrawSiteView> Sites,
    IReadOnlyList<CommitteeSeat> SignedIn);

/// <summary>The signed-in seats of a lot's draw, for the evaluation room (Trading). No identity beyond the account name.</summary>
public interface ICommitteeSeats
{
    /// <summary>The lot's current draw (neither failed nor cancelled), or null when there is none.</summary>
    Task<LotCommittee?> OfLotAsync(Guid lotId, CancellationToken ct);
}
