using Ggzy.Credit.Contracts;
using Ggzy.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Credit.Areas.Credit.Pages;

/// <summary>市场主体注册 (R26) with the 信用承诺书 (R27): open to anyone, as an organisation's first step onto the platform.</summary>
[AllowAnonymous]
public sealed class RegisterModel(IMarketEntities registry) : PageModel
{
    [BindProperty]
    public RegisterMarketEntityInput Input { get; set; } = new() { Kind = MarketEntityKind.LegalPerson, Roles = [] };

    public static CreditCommitment Commitment => CreditCommitments.Current;

    [TempData]
    public string? Message { get; set; }

    /// <summary>The entity already registered under the code entered, to point the visitor to (R26).</summary>
    public MarketEntityInfo? Existing { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input.CommitmentVersion = Commitment.Version;
        Input.Roles ??= [];
        try
        {
            var entity = await registry.RegisterAsync(Input, ct);
            Message = $"“{entity.LegalName}”已注册，信用承诺书已签署并公开。请用管理员账户“{Input.AdminUserName?.Trim()}”登录。";
            return RedirectToPage("Entities/Details", new { code = entity.CreditCode });
        }
        catch (InputValidationException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                ModelState.AddModelError(FieldKey(field), string.Concat(messages));
            }
        }
        catch (BusinessRuleException rule)
        {
            Existing = rule.Field == "creditCode" ? await registry.FindByCreditCodeAsync(Input.CreditCode ?? "", ct) : null;
            ModelState.AddModelError(FieldKey(rule.Field), rule.Citation is null ? rule.Message : $"{rule.Message}（依据：{rule.Citation}）");
        }

        return Page();
    }

    private static string FieldKey(string? field) =>
        field is null or "" or "body" ? string.Empty : $"{nameof(Input)}.{char.ToUpperInvariant(field[0])}{field[1..]}";
}
