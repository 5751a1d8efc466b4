using System.Security.Claims;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Contracts.Drawing;
using Ggzy.Experts.Domain.Specialties;

namespace Ggzy.Experts.Features.Draws;

/// <summary>The contract's implementation: each use case's own service.</summary>
internal sealed class ExpertDraws(DrawQueries queries, DrawRequests requests, DrawHosting hosting, DrawAnswers answers, SpecialtyCatalog catalog)
    : IExpertDraws
{
    public Task<IReadOnlyList<DrawSummaryView>> ListAsync(ClaimsPrincipal principal, CancellationToken ct) => queries.ListAsync(principal, ct);

    public Task<IReadOnlyList<DrawSummaryView>> OfLotAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct) =>
        queries.ListAsync(principal, ct, lotId);

    public Task<DrawView> DrawAsync(ClaimsPrincipal principal, Guid drawId, CancellationToken ct) => queries.DrawAsync(principal, drawId, ct);

    public Task<Guid> RequestAsync(ClaimsPrincipal principal, DrawRequestInput input, CancellationToken ct) => requests.RequestAsync(principal, input, ct);

    public Task CancelAsync(ClaimsPrincipal principal, Guid drawId, CancellationToken ct) => requests.CancelAsync(principal, drawId, ct);

    public Task RunNowAsync(ClaimsPrincipal principal, Guid drawId, CancellationToken ct) => hosting.RunNowAsync(principal, drawId, ct);

    public Task CloseAsync(ClaimsPrincipal principal, Guid drawId, CancellationToken ct) => hosting.CloseAsync(principal, drawId, ct);

    public Task<IReadOnlyList<InvitationView>> InvitationsAsync(ClaimsPrincipal principal, CancellationToken ct) => queries.InvitationsAsync(principal, ct);

    public Task<InvitationView> InvitationAsync(ClaimsPrincipal principal, Guid seatId, CancellationToken ct) => queries.InvitationAsync(principal, seatId, ct);

    public Task AnswerAsync(ClaimsPrincipal principal, Guid seatId, DrawAnswerInput input, CancellationToken ct) =>
        answers.AnswerAsync(principal, seatId, input, ct);

    public Task SignInAsync(ClaimsPrincipal principal, Guid seatId, DrawSignInInput input, CancellationToken ct) =>
        answers.SignInAsync(principal, seatId, input, ct);

    public Task<DrawRecord> RecordAsync(Guid drawId, CancellationToken ct) => queries.RecordAsync(drawId, ct);

    public IReadOnlyList<(string Code, string Name)> Specialties =>
        [.. catalog.All.Where(s => s.ParentCode is not null).Select(s => (s.Code, catalog.PathOf(s.Code)))];

    public Task<IReadOnlyList<SimulatedMessageView>> SimulatedMessagesAsync(CancellationToken ct) => queries.MessagesAsync(ct);
}
