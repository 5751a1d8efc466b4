using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Portal.Areas.Portal.Pages.Awards;

/// <summary>
/// The public list of the award's notices: 中标候选人公示 (工程招标, 10号令), 中标（成交）结果公告 (87号令 第六十九条) and
/// 合同公告 (采购条例 第五十条), filtered by kind and keyword. Only what was published appears.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(IPublishedAwards published) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Keyword { get; set; }

    public IReadOnlyList<PublishedAwardRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var kind = Kind?.Trim().ToLowerInvariant() switch
        {
            "publicity" => AwardNoticeKind.Publicity,
            "result" => AwardNoticeKind.Result,
            "contract" => AwardNoticeKind.Contract,
            _ => (AwardNoticeKind?)null,
        };
        Rows = await published.ListAsync(kind, Keyword is { Length: > 100 } k ? k[..100] : Keyword, ct);
    }

    public static string Label(AwardNoticeKind kind) => kind switch
    {
        AwardNoticeKind.Publicity => "中标候选人公示",
        AwardNoticeKind.Result => "中标结果公告",
        _ => "合同公告",
    };
}
