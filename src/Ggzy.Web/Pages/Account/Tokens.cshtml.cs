using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Web.Identity;
using Ggzy.Web.Identity.Tokens;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Web.Pages.Account;

[RequirePermission(PlatformPermissions.ManageApiTokens)]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class TokensModel(ApiTokenListQuery list, IssueApiTokenHandler issue, RevokeApiTokenHandler revoke, TimeProvider clock) : PageModel
{
    public IssueApiTokenInput Input { get; set; } = new() { ValidDays = 90 };

    public IReadOnlyList<ApiTokenView> Tokens { get; private set; } = [];

    /// <summary>The token just issued, shown in this response only.</summary>
    public IssuedApiToken? Issued { get; private set; }

    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await list.ForAsync(User.UserId(), ct);

    public async Task<IActionResult> OnPostCreateAsync([FromForm(Name = nameof(Input))] IssueApiTokenInput input, CancellationToken ct)
    {
        Input = input;
        if (ModelState.IsValid && await this.TryAsync(async () => Issued = await issue.HandleAsync(User.UserId(), User.UserName(), input, ct), nameof(Input)))
        {
            Input = new() { ValidDays = 90 };
        }

        Tokens = await list.ForAsync(User.UserId(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await revoke.HandleAsync(User.UserId(), id, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        Message = "令牌已撤销，使用它的系统从现在起无法再访问平台。";
        return RedirectToPage();
    }
}
