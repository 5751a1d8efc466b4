using Ggzy.Experts.Contracts;
using Ggzy.Experts.Features.Pool;
using Ggzy.Experts.Features.Status;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Experts.Areas.Experts.Pages.Sanctions;

/// <summary>
/// Imposing and lifting one kind of sanction on an expert found by pseudonym; the two pages differ in the kind and in
/// the permission (a supervisory department blacklists without seeing the pool).
/// </summary>
public abstract class SanctionPageModel(IServiceProvider services, ExpertStatus kind) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public StatusInput Decision { get; set; } = new();

    [BindProperty]
    public StatusInput Lifting { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public ExpertStatus Kind => kind;

    internal ExpertDetailsView? Expert { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        ActAsync(nameof(Decision), (h, id) => h.ImposeAsync(User, id, kind, Decision, ct), kind == ExpertStatus.Suspended ? "已暂停该专家的抽取资格。" : "已将该专家列入黑名单。", ct);

    public Task<IActionResult> OnPostLiftAsync(Guid changeId, CancellationToken ct) =>
        ActAsync(nameof(Lifting), (h, id) => h.LiftAsync(User, id, changeId, Lifting, ct), "已解除。", ct);

    private async Task<IActionResult> ActAsync(string prefix, Func<ChangeExpertStatusHandler, Guid, Task> act, string done, CancellationToken ct)
    {
        var id = await services.GetRequiredService<PoolQueries>().ExpertOfCodeAsync(Code, ct);
        if (id is null)
        {
            return NotFound();
        }

        try
        {
            await act(services.GetRequiredService<ChangeExpertStatusHandler>(), id.Value);
            Message = done;
            return RedirectToPage(new { code = Code });
        }
        catch (Exception e) when (ExpertPages.IsRefusal(e))
        {
            ExpertPages.AddErrors(ModelState, e, prefix);
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var queries = services.GetRequiredService<PoolQueries>();
        if (await queries.ExpertOfCodeAsync(Code, ct) is { } id)
        {
            Expert = await queries.DetailsAsync(id, ct);
        }
    }
}
