using Ggzy.Experts.Contracts;
using Ggzy.Experts.Features.Availability;
using Ggzy.Experts.Features.Pool;
using Ggzy.Experts.Features.Profile;
using Ggzy.Experts.Features.Ratings;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Experts.Areas.Experts.Pages;

/// <summary>
/// The expert's own record: contact, employment, declared relatives and leave, kept current by the expert (each change
/// on the Ledger). Showing the page reads the expert's identity, which goes on the Ledger too.
/// </summary>
[RequirePermission(ExpertPermissions.ManageOwnProfile)]
public sealed class ProfileModel(IServiceProvider services) : PageModel
{
    [BindProperty]
    public ContactInput Contact { get; set; } = new();

    [BindProperty]
    public EmploymentInput Employment { get; set; } = new();

    [BindProperty]
    public RelativeInput Relative { get; set; } = new();

    [BindProperty]
    public LeaveInput Leave { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public string? NotLinked { get; private set; }

    internal ExpertDetailsView? Expert { get; private set; }

    internal ExpertIdentityView? Identity { get; private set; }

    internal ExpertRecordView? Record { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(keepInput: false, ct);
        return Page();
    }

    public Task<IActionResult> OnPostContactAsync(CancellationToken ct) =>
        ActAsync(nameof(Contact), (id, _) => services.GetRequiredService<OwnExpert>().UpdateContactAsync(id, Contact, ct), "已更新联系方式。", ct);

    public Task<IActionResult> OnPostEmploymentAsync(CancellationToken ct) =>
        ActAsync(nameof(Employment), (id, _) => services.GetRequiredService<EditExpertHandler>().RecordEmploymentAsync(id, Employment, "expert", ct),
            "已登记任职变更。", ct);

    public Task<IActionResult> OnPostRelativeAsync(CancellationToken ct) =>
        ActAsync(nameof(Relative), (id, a) => a.DeclareRelativeAsync(id, Relative, ct), "已申报近亲属。", ct);

    public Task<IActionResult> OnPostWithdrawRelativeAsync(Guid relativeId, CancellationToken ct) =>
        ActAsync(nameof(Relative), (id, a) => a.WithdrawRelativeAsync(id, relativeId, ct), "已撤回该申报。", ct);

    public Task<IActionResult> OnPostLeaveAsync(CancellationToken ct) =>
        ActAsync(nameof(Leave), (id, a) => a.RecordLeaveAsync(id, Leave, ct), "已登记请假，期间不参加抽取。", ct);

    public Task<IActionResult> OnPostWithdrawLeaveAsync(Guid leaveId, CancellationToken ct) =>
        ActAsync(nameof(Leave), (id, a) => a.WithdrawLeaveAsync(id, leaveId, ct), "已撤销请假。", ct);

    private async Task<IActionResult> ActAsync(string prefix, Func<Guid, ExpertAvailability, Task> act, string done, CancellationToken ct)
    {
        try
        {
            var id = await services.GetRequiredService<OwnExpert>().IdOfAsync(User, ct);
            await act(id, services.GetRequiredService<ExpertAvailability>());
            Message = done;
            return RedirectToPage();
        }
        catch (Exception e) when (ExpertPages.IsRefusal(e))
        {
            ExpertPages.AddErrors(ModelState, e, prefix);
            await LoadAsync(keepInput: true, ct);
            return Page();
        }
    }

    private async Task LoadAsync(bool keepInput, CancellationToken ct)
    {
        var queries = services.GetRequiredService<PoolQueries>();
        Guid id;
        try
        {
            id = await services.GetRequiredService<OwnExpert>().IdOfAsync(User, ct);
        }
        catch (Exception e) when (e is NotFoundException or ForbiddenException)
        {
            NotLinked = e.Message;
            return;
        }

        Expert = await queries.DetailsAsync(id, ct);
        Identity = await queries.IdentityAsync(id, "own-profile", ct);
        Record = await services.GetRequiredService<ExpertRecordQueries>().RecordAsync(id, ct);
        if (!keepInput)
        {
            Contact = new ContactInput { Mobile = Identity.Mobile, Email = Identity.Email };
        }
    }
}
