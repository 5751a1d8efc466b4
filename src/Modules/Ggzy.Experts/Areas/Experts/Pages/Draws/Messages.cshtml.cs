using Ggzy.Experts.Contracts;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Experts.Areas.Experts.Pages.Draws;

/// <summary>
/// The simulated notification gateway's messages (development and the demonstration only): what the experts' phones
/// would have received. A production gateway sends SMS or voice calls and the platform keeps no message text.
/// </summary>
[RequirePermission(DrawPermissions.ReadSimulatedMessages)]
public sealed class MessagesModel(IExpertDraws draws) : PageModel
{
    public IReadOnlyList<SimulatedMessageView> Messages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Messages = await draws.SimulatedMessagesAsync(ct);
}
