using Ggzy.Platform.Errors;
using Ggzy.Platform.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Experts.Areas.Experts.Pages.Draws;

/// <summary>What the draw pages share: loading, acting, refusals as form errors, and China times.</summary>
internal static class DrawPages
{
    public static string Time(DateTimeOffset? at) => at is { } t ? ChinaTime.Format(t)[..16] : "—";

    public static async Task<IActionResult> LoadAsync(PageModel page, Func<Task> load)
    {
        try
        {
            await load();
            return page.Page();
        }
        catch (NotFoundException)
        {
            return page.NotFound();
        }
        catch (ForbiddenException)
        {
            return page.StatusCode(StatusCodes.Status403Forbidden);
        }
    }

    /// <summary>Runs an action; a refusal becomes the form's errors and <paramref name="reload"/> shows the page again.</summary>
    public static async Task<IActionResult> ActAsync(PageModel page, Func<Task<IActionResult>> action, string prefix, Func<Task<IActionResult>> reload)
    {
        try
        {
            return await action();
        }
        catch (NotFoundException)
        {
            return page.NotFound();
        }
        catch (ForbiddenException)
        {
            return page.StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (Exception e) when (e is InputValidationException or BusinessRuleException)
        {
            page.ModelState.Clear();
            AddErrors(page.ModelState, e, prefix);
            return await reload();
        }
    }

    private static void AddErrors(ModelStateDictionary modelState, Exception refusal, string prefix)
    {
        switch (refusal)
        {
            case InputValidationException invalid:
                foreach (var (field, messages) in invalid.Errors)
                {
                    modelState.AddModelError($"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}", string.Concat(messages));
                }

                break;
            case BusinessRuleException rule:
                modelState.AddModelError(string.Empty, rule.Citation is null || rule.Message.Contains(rule.Citation, StringComparison.Ordinal)
                    ? rule.Message : $"{rule.Message}（依据：{rule.Citation}）");
                break;
        }
    }
}
