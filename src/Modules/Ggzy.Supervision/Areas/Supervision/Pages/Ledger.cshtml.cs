using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Supervision.Areas.Supervision.Pages;

/// <summary>The supervisors' live view of the Ledger (Tianjin §30: real-time push to the supervision system).</summary>
[RequirePermission(PlatformPermissions.ReadLedger)]
public sealed class LedgerModel(LedgerReader reader) : PageModel
{
    private const int Shown = 50;

    public IReadOnlyList<LedgerEntry> Entries { get; private set; } = [];

    public long Last { get; private set; }

    public static string Shorten(string payload) => payload.Length <= 120 ? payload : payload[..120] + "…";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Last = await reader.LastSequenceAsync(ct);
        var page = await reader.ReadAsync(Math.Max(0, Last - Shown), Shown, ct);
        Entries = page.Reverse().ToList();
    }
}
