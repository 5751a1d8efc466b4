using Ggzy.Platform.Errors;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Web.Infrastructure;

/// <summary>
/// A broken rule or invalid input on a page becomes a Chinese message next to the field (or at the top of the form),
/// and the page is shown again with what the user typed. Nothing was saved.
/// </summary>
internal sealed class PageRuleFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled || context.HandlerInstance is not PageModel page)
        {
            return;
        }

        switch (executed.Exception)
        {
            case BusinessRuleException rule:
                var message = rule.Citation is null ? rule.Message : $"{rule.Message}（依据：{rule.Citation}）";
                page.ModelState.AddModelError(rule.Field ?? string.Empty, message);
                break;
            case InputValidationException invalid:
                foreach (var (field, messages) in invalid.Errors)
                {
                    foreach (var m in messages)
                    {
                        page.ModelState.AddModelError(field, m);
                    }
                }

                break;
            default:
                return;
        }

        executed.ExceptionHandled = true;
        executed.Result = page.Page();
    }
}
