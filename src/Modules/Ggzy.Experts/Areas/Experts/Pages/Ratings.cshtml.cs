using Ggzy.Experts.Contracts;
using Ggzy.Experts.Features.Ratings;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Experts.Areas.Experts.Pages;

/// <summary>
/// 一标一评 (R24, Wuhan §11): the lot's center, or its tenderer, rates each expert who served, after the draw is closed.
/// Experts appear by the draw's pseudonym; a rating is final.
/// </summary>
[RequirePermission(ExpertPermissions.Rate)]
public sealed class RatingsModel(IServiceProvider services) : PageModel
{
    [BindProperty]
    public RatingInput Rating { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    internal IReadOnlyList<PendingRatingView> Pending { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Pending = await services.GetRequiredService<ExpertRecordQueries>().PendingAsync(User, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var rating = await services.GetRequiredService<RateExpertHandler>().RateAsync(User, Rating, ct);
            Message = $"已评价：{rating.LotCode}，{rating.Score} 分（{rating.Grade.Label()}）。";
            return RedirectToPage();
        }
        catch (Exception e) when (ExpertPages.IsRefusal(e))
        {
            ExpertPages.AddErrors(ModelState, e, nameof(Rating));
            await OnGetAsync(ct);
            return Page();
        }
    }
}
