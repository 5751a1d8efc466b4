using Ggzy.Platform.Errors;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Web.Identity;

internal static class PageInputErrors
{
    /// <summary>
    /// Runs a use case from a page form. Its refusals become Chinese messages on the form (false); nothing was saved.
    /// </summary>
    public static async Task<bool> TryAsync(this PageModel page, Func<Task> action, string prefix)
    {
        try
        {
            await action();
            return true;
        }
        catch (InputValidationException invalid)
        {
            page.ModelState.AddInputErrors(invalid, prefix);
        }
        catch (BusinessRuleException rule)
        {
            page.ModelState.AddModelError(string.Empty, rule.Message);
        }
        catch (ForbiddenException forbidden)
        {
            page.ModelState.AddModelError(string.Empty, forbidden.Message);
        }

        return false;
    }

    /// <summary>
    /// Puts a use case's errors (named as in the API: <c>newPassword</c>) beside the form's fields
    /// (<c>Input.NewPassword</c>); errors about the whole request go to the top of the form.
    /// </summary>
    public static void AddInputErrors(this ModelStateDictionary modelState, InputValidationException invalid, string prefix)
    {
        foreach (var (field, messages) in invalid.Errors)
        {
            if (field is "" or "body")
            {
                foreach (var message in messages)
                {
                    modelState.AddModelError(string.Empty, message);
                }

                continue;
            }

            // A field shows one message: all of its problems (every missing kind of character) go in it together.
            modelState.AddModelError($"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}", string.Concat(messages));
        }
    }
}
