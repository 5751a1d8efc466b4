using System.Text.Json;
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

    /// <summary>Role codes to their Chinese names, for the live rows the script adds.</summary>
    public static string RoleNames { get; } = JsonSerializer.Serialize(Roles.All.ToDictionary(r => r.Name, r => r.DisplayName));

    public static string RolesOf(string roles) =>
        string.Join("、", roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Roles.DisplayName));

    public static string Shorten(string payload) => payload.Length <= 120 ? payload : payload[..120] + "…";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Last = await reader.LastSequenceAsync(ct);
        var page = await reader.ReadAsync(Math.Max(0, Last - Shown), Shown, ct);
        Entries = page.Reverse().ToList();
    }
}
