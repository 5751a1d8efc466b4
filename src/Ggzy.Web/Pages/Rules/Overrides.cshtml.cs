using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Web.Pages.Rules;

[RequirePermission(PlatformPermissions.ManageRules)]
public sealed class OverridesModel(StatutoryRuleRegistry registry) : PageModel
{
    public IReadOnlyList<StatutoryRule> Rules => registry.All;

    public IReadOnlyList<RuleOverride> Active { get; private set; } = [];

    [BindProperty]
    public string? RuleKey { get; set; }

    [BindProperty]
    public string? RegionCode { get; set; }

    [BindProperty]
    public decimal? Value { get; set; }

    [BindProperty]
    public string? Basis { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Active = await registry.ActiveOverridesAsync(null, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Active = await registry.ActiveOverridesAsync(null, ct);
        if (Value is null)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { [nameof(Value)] = ["请填写地方设定值（数字）。"] });
        }

        await registry.AddOverrideAsync(RuleKey ?? "", RegionCode ?? "", Value.Value, Basis ?? "", User.Identity!.Name!, ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetireAsync(Guid id, CancellationToken ct)
    {
        await registry.RetireOverrideAsync(id, User.Identity!.Name!, ct);
        return RedirectToPage();
    }
}
