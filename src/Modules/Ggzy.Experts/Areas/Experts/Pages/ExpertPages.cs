using System.Globalization;
using Ggzy.Experts.Contracts;
using Ggzy.Platform.Errors;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Ggzy.Experts.Areas.Experts.Pages;

/// <summary>What the pool's pages share: refusals on a form, dates and periods in Chinese, status badges.</summary>
internal static class ExpertPages
{
    public static void AddErrors(ModelStateDictionary modelState, Exception refusal, string prefix)
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
                modelState.AddModelError(string.Empty,
                    rule.Citation is null || rule.Message.Contains("依据", StringComparison.Ordinal) ? rule.Message : $"{rule.Message}（依据：{rule.Citation}）");
                break;
            default:
                modelState.AddModelError(string.Empty, refusal.Message);
                break;
        }
    }

    public static bool IsRefusal(Exception e) => e is InputValidationException or BusinessRuleException or ForbiddenException or NotFoundException;

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Period(DateOnly from, DateOnly? until) => until is { } end ? $"{Day(from)} 至 {Day(end)}" : $"{Day(from)} 起（长期）";

    public static string StatusClass(ExpertStatus status) => status switch
    {
        ExpertStatus.Active => "badge ok",
        _ => "badge bad",
    };
}
