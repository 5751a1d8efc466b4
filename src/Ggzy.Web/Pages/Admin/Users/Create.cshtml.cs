using Ggzy.Platform.Identity;
using Ggzy.Web.Identity;
using Ggzy.Web.Identity.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Web.Pages.Admin.Users;

[RequirePermission(PlatformPermissions.ManageUsers)]
public sealed class CreateModel(CenterScope scope, CreateStaffAccountHandler create) : PageModel
{
    [BindProperty]
    public CreateStaffAccountInput Input { get; set; } = new() { Role = Roles.CenterStaff };

    public IReadOnlyList<Organization> Centers { get; private set; } = [];

    public static IReadOnlyList<string> AssignableRoles => CreateStaffAccountHandler.AssignableRoles;

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Centers = await scope.CentersOfAsync(User, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && await this.TryAsync(() => create.HandleAsync(User, Input, ct), nameof(Input)))
        {
            Message = $"已创建账户“{Input.UserName}”。请将用户名和初始密码当面告知本人，并提醒其登录后在“我的账户”中修改密码。";
            return RedirectToPage("Index");
        }

        await OnGetAsync(ct);
        return Page();
    }
}
