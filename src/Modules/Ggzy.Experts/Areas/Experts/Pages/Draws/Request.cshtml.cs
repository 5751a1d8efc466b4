using System.ComponentModel.DataAnnotations;
using Ggzy.Experts.Contracts;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Experts.Areas.Experts.Pages.Draws;

/// <summary>
/// The tenderer's (or agency's) request for a draw (评标委员会组建申请, R22, R15): evaluation time and sites, the
/// committee, the experts per specialty. The rules that refuse a request are named with their articles.
/// </summary>
[RequirePermission(DrawPermissions.Request)]
public sealed class RequestModel(IExpertDraws draws, IDrawLots lots) : PageModel
{
    public const int SiteRows = 3;
    public const int DemandRows = 5;

    [BindProperty]
    public RequestForm Input { get; set; } = new();

    public IReadOnlyList<(string Code, string Name)> Specialties => draws.Specialties;

    public DrawLot Lot { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid lotId, CancellationToken ct)
    {
        if (!await LoadAsync(lotId, ct))
        {
            return NotFound();
        }

        Input.Sites[0].Name = "安和市公共资源交易中心评标室";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid lotId, CancellationToken ct) => !await LoadAsync(lotId, ct) ? NotFound() : await DrawPages.ActAsync(this, async () =>
    {
        var input = new DrawRequestInput(
            lotId,
            Input.EvaluationStartsAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Unspecified), ChinaTime.Offset) : null,
            [.. Input.Sites.Where(s => !string.IsNullOrWhiteSpace(s.Name) || !string.IsNullOrWhiteSpace(s.Address)).Select(s => new DrawSiteInput(s.Name, s.Address))],
            Input.Members,
            Input.Representatives,
            Input.ComplexOrHighImpact,
            [.. Input.Demands.Where(d => !string.IsNullOrWhiteSpace(d.Specialty)).Select(d => new DrawDemandInput(d.Specialty, d.Count, d.Site - 1))]);
        var id = await draws.RequestAsync(User, input, ct);
        return RedirectToPage("Details", new { id });
    }, nameof(Input), () => Task.FromResult<IActionResult>(Page()));

    // Only the lot's tenderer and agency may open the form: anyone else is told the lot does not exist.
    private async Task<bool> LoadAsync(Guid lotId, CancellationToken ct)
    {
        var org = Guid.TryParse(User.FindFirst(GgzyClaims.OrganizationId)?.Value, out var id) ? id : Guid.Empty;
        if (await lots.FindAsync(lotId, ct) is not { } lot || (lot.TendererId != org && lot.AgencyId != org))
        {
            return false;
        }

        Lot = lot;
        return true;
    }

    public sealed class RequestForm
    {
        [Display(Name = "评标开始时间（北京时间）")]
        public DateTime? EvaluationStartsAt { get; set; }

        public int Members { get; set; } = 5;

        public int Representatives { get; set; } = 1;

        public bool ComplexOrHighImpact { get; set; }

        public List<SiteRow> Sites { get; set; } = [.. Enumerable.Range(0, SiteRows).Select(_ => new SiteRow())];

        public List<DemandRow> Demands { get; set; } = [.. Enumerable.Range(0, DemandRows).Select(_ => new DemandRow())];
    }

    public sealed class SiteRow
    {
        public string? Name { get; set; }

        public string? Address { get; set; }
    }

    public sealed class DemandRow
    {
        public string? Specialty { get; set; }

        public int Count { get; set; } = 1;

        /// <summary>1-based, as the form shows it.</summary>
        public int Site { get; set; } = 1;
    }
}
