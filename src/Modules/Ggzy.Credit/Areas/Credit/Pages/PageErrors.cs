using Ggzy.Platform.Errors;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Ggzy.Credit.Areas.Credit.Pages;

/// <summary>Puts a use case's refusals on a form: field errors beside their fields, the rest at the top, in Chinese.</summary>
internal static class PageErrors
{
    public static void Add(ModelStateDictionary modelState, Exception refusal, string prefix)
    {
        switch (refusal)
        {
            case InputValidationException invalid:
                foreach (var (field, messages) in invalid.Errors)
                {
                    var key = field is "" or "body" ? string.Empty : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";
                    modelState.AddModelError(key, string.Concat(messages));
                }

                break;
            case BusinessRuleException rule:
                modelState.AddModelError(string.Empty, rule.Citation is null ? rule.Message : $"{rule.Message}（依据：{rule.Citation}）");
                break;
            default:
                modelState.AddModelError(string.Empty, refusal.Message);
                break;
        }
    }
}
