using System.Security.Claims;
using Ggzy.Experts.Contracts.Drawing;

namespace Ggzy.Experts.Contracts;

/// <summary>
/// The expert draw (docs/expert-draw.md) as the pages, the API and other modules use it. Every method checks the
/// resource: a draw's tenderer and agency, the center and the authorities read it; a drawn expert only their own
/// invitations; names only to the lot's center after sign-in.
/// </summary>
public interface IExpertDraws
{
    Task<IReadOnlyList<DrawSummaryView>> ListAsync(ClaimsPrincipal principal, CancellationToken ct);

    /// <summary>The lot's draws that are neither failed nor cancelled, newest first (the lot page links to them).</summary>
    Task<IReadOnlyList<DrawSummaryView>> OfLotAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct);

    Task<DrawView> DrawAsync(ClaimsPrincipal principal, Guid drawId, CancellationToken ct);

    Task<Guid> RequestAsync(ClaimsPrincipal principal, DrawRequestInput input, CancellationToken ct);

    Task CancelAsync(ClaimsPrincipal principal, Guid drawId, CancellationToken ct);

    Task RunNowAsync(ClaimsPrincipal principal, Guid drawId, CancellationToken ct);

    Task CloseAsync(ClaimsPrincipal principal, Guid drawId, CancellationToken ct);

    Task<IReadOnlyList<InvitationView>> InvitationsAsync(ClaimsPrincipal principal, CancellationToken ct);

    Task<InvitationView> InvitationAsync(ClaimsPrincipal principal, Guid seatId, CancellationToken ct);

    Task AnswerAsync(ClaimsPrincipal principal, Guid seatId, DrawAnswerInput input, CancellationToken ct);

    Task SignInAsync(ClaimsPrincipal principal, Guid seatId, DrawSignInInput input, CancellationToken ct);

    /// <summary>The public record, once the draw is closed; pseudonyms only.</summary>
    Task<DrawRecord> RecordAsync(Guid drawId, CancellationToken ct);

    /// <summary>The specialties a request may name: code and name with its path, in table order.</summary>
    IReadOnlyList<(string Code, string Name)> Specialties { get; }

    Task<IReadOnlyList<SimulatedMessageView>> SimulatedMessagesAsync(CancellationToken ct);
}
