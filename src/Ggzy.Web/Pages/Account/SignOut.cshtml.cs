using Ggzy.Platform.Data;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Web.Pages.Account;

[RequirePermission(PlatformPermissions.ManageOwnAccount)]
public sealed class SignOutModel(SignInManager<PlatformUser> signIn, PlatformDbContext db, LedgerWriter ledger) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ledger.SaveChangesAsync(db, new LedgerDraft("platform.account.signed-out", $"user:{User.Identity!.Name}"), ct);
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
