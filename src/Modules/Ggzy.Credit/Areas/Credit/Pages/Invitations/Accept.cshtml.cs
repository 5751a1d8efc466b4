using Ggzy.Credit.Contracts;
using Ggzy.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Credit.Areas.Credit.Pages.Invitations;

/// <summary>
/// 接受邀请 (R26): whoever holds the one-time link joins the organisation by choosing a user name and password;
/// open without signing in, since the invitee has no account yet.
/// </summary>
[AllowAnonymous]
public sealed class AcceptModel(IStaffInvitations staff) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public AcceptInvitationInput Input { get; set; } = new();

    public InvitationPreview? Preview { get; private set; }

    /// <summary>Why the link cannot be used, in Chinese.</summary>
    public string? Problem { get; private set; }

    public AcceptedInvitation? Accepted { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Input.Token = Token;
        try
        {
            Accepted = await staff.AcceptAsync(Input, ct);
            return Page();
        }
        catch (InputValidationException invalid) when (!invalid.Errors.ContainsKey("token"))
        {
            PageErrors.Add(ModelState, invalid, nameof(Input));
        }
        catch (Exception e) when (e is InputValidationException or BusinessRuleException)
        {
            Problem = e switch
            {
                BusinessRuleException { Field: "token" } rule => rule.Message,
                InputValidationException invalid => string.Concat(invalid.Errors["token"]),
                _ => null,
            };
            if (Problem is not null)
            {
                return Page();
            }

            PageErrors.Add(ModelState, e, nameof(Input));
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        try
        {
            Preview = await staff.PreviewAsync(Token, ct);
        }
        catch (BusinessRuleException rule)
        {
            Problem = rule.Message;
        }
    }
}
