using Ggzy.Platform.Identity;
using Ggzy.Web.Identity;
using Ggzy.Web.Identity.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Web.Pages.Admin.Users;

[RequirePermission(PlatformPermissions.ManageUsers)]
public sealed class ResetPasswordModel(StaffAccountListQuery list, ResetStaffPasswordHandler reset) : PageModel
{
    [BindProperty]
    public ResetStaffPasswordInput Input { get; set; } = new();

    public StaffAccountView Account { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (ModelState.IsValid && await this.TryAsync(() => reset.HandleAsync(User, id, Input, ct), nameof(Input)))
        {
            Message = $"已重置“{Account.UserName}”的密码，其已登录的会话随之失效。请将新密码当面告知本人。";
            return RedirectToPage("Index");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var account = (await list.ForAsync(User, id, ct)).SingleOrDefault();
        Account = account!;
        return account is not null;
    }
}
