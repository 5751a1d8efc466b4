using Ggzy.Experts.Contracts;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Experts.Features.Pool;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Experts.Areas.Experts.Pages.Pool;

/// <summary>
/// The center corrects an expert's record and records a change of employer. The form shows the identity it edits,
/// so opening it is an identity read on the Ledger.
/// </summary>
[RequirePermission(ExpertPermissions.ManagePool)]
public sealed class EditModel(IServiceProvider services) : PageModel
{
    [BindProperty]
    public ExpertInput Input { get; set; } = new();

    [BindProperty]
    public EmploymentInput Employment { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public string Code { get; private set; } = "";

    internal string MaskedIdNumber { get; private set; } = "";

    internal IReadOnlyList<EmploymentView> Employments { get; private set; } = [];

    internal SpecialtyCatalog Catalog => services.GetRequiredService<SpecialtyCatalog>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await services.GetRequiredService<EditExpertHandler>().UpdateAsync(id, Input, ct);
            Message = "已保存专家信息。";
            return RedirectToPage("Details", new { id });
        }
        catch (Exception e) when (ExpertPages.IsRefusal(e))
        {
            ExpertPages.AddErrors(ModelState, e, nameof(Input));
            return await LoadAsync(id, ct, keepInput: true) ? Page() : NotFound();
        }
    }

    public async Task<IActionResult> OnPostEmploymentAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await services.GetRequiredService<EditExpertHandler>().RecordEmploymentAsync(id, Employment, "center", ct);
            Message = Employment.Until is null ? "已登记工作单位变更。" : "已补登过往任职。";
            return RedirectToPage("Details", new { id });
        }
        catch (Exception e) when (ExpertPages.IsRefusal(e))
        {
            ExpertPages.AddErrors(ModelState, e, nameof(Employment));
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct, bool keepInput = false)
    {
        var queries = services.GetRequiredService<PoolQueries>();
        ExpertDetailsView expert;
        try
        {
            expert = await queries.DetailsAsync(id, ct);
        }
        catch (NotFoundException)
        {
            return false;
        }

        var identity = await queries.IdentityAsync(id, "edit-page", ct);
        Code = expert.Code;
        MaskedIdNumber = identity.MaskedIdNumber;
        Employments = identity.Employments;
        if (!keepInput)
        {
            Input = new ExpertInput
            {
                Name = identity.Name,
                Mobile = identity.Mobile,
                Email = identity.Email,
                TitleName = expert.TitleName,
                TitleLevel = expert.TitleLevel,
                SeniorEquivalence = expert.SeniorEquivalence,
                PractisingSince = expert.PractisingSince,
                RegionCode = expert.RegionCode,
                Specialties = [.. expert.Specialties.Select(s => s.Code)],
            };
        }

        return true;
    }
}
