using Ggzy.Experts.Contracts;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Experts.Areas.Experts.Pages.Draws;

/// <summary>The signed-in expert's invitations: what to answer, until when, and where to sign in.</summary>
[RequirePermission(DrawPermissions.Answer)]
public sealed class InvitationsModel(IExpertDraws draws) : PageModel
{
    public IReadOnlyList<InvitationView> Invitations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Invitations = await draws.InvitationsAsync(User, ct);
}
