using Ggzy.Platform.Errors;
using Ggzy.Platform.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Trading.Areas.Trading.Pages;

/// <summary>What the announcement and procedure pages share: running an action and turning a refusal into form errors.</summary>
internal static class AnnouncementPages
{
    public static string Time(DateTimeOffset? at) => at is { } t ? ChinaTime.Format(t)[..16] : "—";

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
            CatalogPages.AddErrors(page.ModelState, e, prefix);
            return await reload();
        }
    }

    /// <summary>Loads what a page shows; not found and forbidden become the status pages.</summary>
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
}
