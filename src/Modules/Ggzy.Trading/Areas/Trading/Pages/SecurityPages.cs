using Ggzy.Platform.Errors;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Domain.Security;
using Ggzy.Trading.Features.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Trading.Areas.Trading.Pages;

/// <summary>Display helpers of the bid security pages.</summary>
internal static class SecurityPages
{
    public static string Yuan(decimal amount) => BidSecurityValidator.Yuan(amount);

    public static string Regime(Regime regime) => regime == Domain.Schedule.Regime.Tender ? "工程建设项目招标投标" : "政府采购";

    public static string Receipt(ReceiptStatus status) => status switch
    {
        ReceiptStatus.Matched => "已自动匹配",
        ReceiptStatus.MatchedByHand => "已人工匹配",
        ReceiptStatus.Unmatched => "未匹配",
        _ => "",
    };

    public static string Duty(RefundDutyState state) => state switch
    {
        RefundDutyState.NotDue => "未到期",
        RefundDutyState.Due => "即将到期",
        RefundDutyState.Late => "已逾期",
        RefundDutyState.NoDeadline => "应及时退还",
        RefundDutyState.Refunded => "已退还",
        _ => "",
    };

    public static string DutyBadge(RefundDutyState state) => state switch
    {
        RefundDutyState.Late => "badge bad",
        RefundDutyState.Refunded => "badge ok",
        _ => "badge",
    };

    public static string Event(RefundEvent @event) => @event switch
    {
        RefundEvent.Withdrawal => "撤回投标",
        RefundEvent.AwardNotice => "发出中标通知书",
        RefundEvent.ContractSigned => "签订合同",
        RefundEvent.Termination => "终止或失败",
        _ => "",
    };

    /// <summary>Runs a handler; a lot that does not exist is 404, a lot the user may not act on is 403.</summary>
    public static async Task<IActionResult> Guarded(PageModel page, Func<Task<IActionResult>> work)
    {
        try
        {
            return await work();
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

    public static IReadOnlyList<BidSecurityForm> AllForms { get; } = Enum.GetValues<BidSecurityForm>();
}
