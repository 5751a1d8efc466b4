using System.Security.Claims;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Documents;
using Ggzy.Trading.Features.Documents;
using Ggzy.Trading.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Trading.Features.Notices;

/// <summary>The signed-in organisation's inbox: clarifications of documents it downloaded and answers to its objections.</summary>
internal sealed class TradingNoticeService(TradingDbContext db, LedgerWriter ledger, TimeProvider clock) : ITradingNotices
{
    public async Task<NoticeInbox> InboxAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var org = TradingUser.From(principal).OrganizationId;
        if (org is null)
        {
            return new NoticeInbox(0, []);
        }

        var notices = await db.TradingNotices.AsNoTracking().Where(n => n.OrganizationId == org).ToListAsync(ct);
        return new NoticeInbox(
            notices.Count(n => n.ReadAt is null),
            [.. notices.OrderByDescending(n => n.CreatedAt).Select(n => new NoticeInfo(n.Id, n.LotId, Label(n.Kind), n.Title, n.Body, n.CreatedAt, n.ReadAt))]);
    }

    public async Task MarkReadAsync(ClaimsPrincipal principal, Guid noticeId, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var notice = await db.TradingNotices.SingleOrDefaultAsync(n => n.Id == noticeId && n.OrganizationId == user.OrganizationId, ct)
            ?? throw new NotFoundException(DocumentErrors.NoticeNotFound);
        if (notice.ReadAt is not null)
        {
            return;
        }

        notice.ReadAt = clock.GetUtcNow();
        notice.ReadBy = user.UserName;
        // Clarifications go only to those who downloaded: whoever reads one is withheld from the Ledger, as a download is.
        var writer = notice.Kind == TradingNoticeKind.Clarification ? new LedgerWriter(clock, new WithheldActor()) : ledger;
        await writer.SaveChangesAsync(db, new LedgerDraft("trading.notice.read", $"notice:{notice.Id}", new { notice = notice.Id, kind = notice.Kind.ToString() }), ct);
    }

    private static string Label(TradingNoticeKind kind) => kind switch
    {
        TradingNoticeKind.Clarification => "澄清或者修改",
        TradingNoticeKind.ObjectionAnswer => "异议答复",
        TradingNoticeKind.OpeningWithdrawal => "开标解密失败（视为撤回）",
        TradingNoticeKind.AwardResult => "中标结果",
        TradingNoticeKind.Termination => "终止招标",
        TradingNoticeKind.TerminationRequested => "终止申请待确认",
        _ => "",
    };
}
