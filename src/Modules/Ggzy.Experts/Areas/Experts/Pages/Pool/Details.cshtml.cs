using Ggzy.Experts.Contracts;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Experts.Features.Availability;
using Ggzy.Experts.Features.Pool;
using Ggzy.Experts.Features.Ratings;
using Ggzy.Experts.Features.Status;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Experts.Areas.Experts.Pages.Pool;

/// <summary>
/// One expert by pseudonym. The identity (name, ID number, contact, employers, relatives) is shown only on request to
/// those entitled, and that read goes on the Ledger; the center records leave and retirement here.
/// </summary>
[RequirePermission(ExpertPermissions.ReadPool)]
public sealed class DetailsModel(IServiceProvider services) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Reveal { get; set; }

    [BindProperty]
    public LeaveInput Leave { get; set; } = new();

    [BindProperty]
    public StatusInput Retirement { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    internal ExpertDetailsView Expert { get; private set; } = null!;

    internal ExpertIdentityView? Identity { get; private set; }

    internal ExpertRecordView Record { get; private set; } = null!;

    internal SpecialtyCatalog Catalog => services.GetRequiredService<SpecialtyCatalog>();

    public bool Can(string permission) => services.GetRequiredService<PermissionTable>().Grants(User, permission);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostLeaveAsync(Guid id, CancellationToken ct) =>
        await ChangeAsync(id, nameof(Leave), () => services.GetRequiredService<ExpertAvailability>().RecordLeaveAsync(id, Leave, ct), "已登记请假。", ct);

    public async Task<IActionResult> OnPostWithdrawLeaveAsync(Guid id, Guid leaveId, CancellationToken ct) =>
        await ChangeAsync(id, nameof(Leave), () => services.GetRequiredService<ExpertAvailability>().WithdrawLeaveAsync(id, leaveId, ct), "已撤销请假。", ct);

    public async Task<IActionResult> OnPostRetireAsync(Guid id, CancellationToken ct) =>
        await ChangeAsync(id, nameof(Retirement), () => services.GetRequiredService<ChangeExpertStatusHandler>()
            .ImposeAsync(User, id, ExpertStatus.Retired, Retirement, ct), "已办理退出专家库。", ct);

    private async Task<IActionResult> ChangeAsync(Guid id, string prefix, Func<Task> change, string done, CancellationToken ct)
    {
        if (!Can(ExpertPermissions.ManagePool))
        {
            return Forbid();
        }

        try
        {
            await change();
            Message = done;
            return RedirectToPage(new { id });
        }
        catch (Exception e) when (ExpertPages.IsRefusal(e))
        {
            ExpertPages.AddErrors(ModelState, e, prefix);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var queries = services.GetRequiredService<PoolQueries>();
        try
        {
            Expert = await queries.DetailsAsync(id, ct);
        }
        catch (NotFoundException)
        {
            return false;
        }

        Record = await services.GetRequiredService<ExpertRecordQueries>().RecordAsync(id, ct);
        if (Reveal && Can(ExpertPermissions.ReadIdentities))
        {
            Identity = await queries.IdentityAsync(id, "details-page", ct);
        }

        return true;
    }
}
