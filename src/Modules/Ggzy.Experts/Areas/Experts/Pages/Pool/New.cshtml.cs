using Ggzy.Experts.Contracts;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Experts.Features.Pool;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Experts.Areas.Experts.Pages.Pool;

/// <summary>The center adds an expert to the pool (招标投标法 第三十七条 for engineering specialties).</summary>
[RequirePermission(ExpertPermissions.ManagePool)]
public sealed class NewModel(IServiceProvider services) : PageModel
{
    [BindProperty]
    public ExpertInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    internal SpecialtyCatalog Catalog => services.GetRequiredService<SpecialtyCatalog>();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var expert = await services.GetRequiredService<AddExpertHandler>().HandleAsync(Input, ct);
            Message = $"已入库：专家编号 {expert.Code}。";
            return RedirectToPage("Details", new { id = expert.Id });
        }
        catch (Exception e) when (ExpertPages.IsRefusal(e))
        {
            ExpertPages.AddErrors(ModelState, e, nameof(Input));
            return Page();
        }
    }
}
