using Ggzy.Experts.Contracts;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Experts.Areas.Experts.Pages.Draws;

/// <summary>
/// Sign-in at the evaluation site (R23, R25): the sign-in code from the confirmation message, the expert's credit
/// commitment read and signed. Only then does the lot's center see the expert's name.
/// </summary>
[RequirePermission(DrawPermissions.Answer)]
public sealed class SignInModel(IExpertDraws draws) : PageModel
{
    public InvitationView Invitation { get; private set; } = null!;

    public static ExpertCommitment Commitment => ExpertCommitments.Current;

    [BindProperty]
    public SignInForm Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        DrawPages.LoadAsync(this, async () => Invitation = await draws.InvitationAsync(User, id, ct));

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) => DrawPages.ActAsync(this, async () =>
    {
        await draws.SignInAsync(User, id, new DrawSignInInput(Input.Code, Input.AcceptCommitment, Input.CommitmentDigest), ct);
        Message = "签到成功，已签署评标专家信用承诺书。";
        return RedirectToPage(new { id });
    }, nameof(Input), () => OnGetAsync(id, ct));

    public sealed class SignInForm
    {
        public string? Code { get; set; }

        public bool AcceptCommitment { get; set; }

        public string? CommitmentDigest { get; set; }
    }
}
