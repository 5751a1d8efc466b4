using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Features.Projects;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Areas.Trading.Pages.Projects;

/// <summary>
/// One registration: its facts, the catalog's verdict with its citation, the center, files, lots with trade codes,
/// the decision history, and the decision forms for the center (accept, refuse, exempt) and the Regulator (confirm).
/// </summary>
[RequirePermission(TradingPermissions.ReadProjects)]
[RequestSizeLimit(RegisterModel.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RegisterModel.RequestLimit)]
public sealed class DetailsModel(PermissionTable permissions) : PageModel
{
    // The service is internal to the module, so a public page model cannot take it in its constructor.
    private ProjectRegistrationService Service => HttpContext.RequestServices.GetRequiredService<ProjectRegistrationService>();

    internal ProjectView Project { get; private set; } = null!;

    public bool CanDecide { get; private set; }

    public bool CanConfirm { get; private set; }

    [BindProperty]
    public ProjectDecisionInput Decision { get; set; } = new();

    [BindProperty]
    public ProjectExemptionInput Exemption { get; set; } = new();

    [BindProperty]
    public IFormFile? BasisFile { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var user = TradingUser.From(User);
        try
        {
            Project = await Service.GetAsync(user, id, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        CanDecide = Project.Status == ProjectStatus.Submitted && permissions.Grants(User, TradingPermissions.DecideProject)
            && await Service.MayDecideAsync(user, Project, ct);
        CanConfirm = Project.Status == ProjectStatus.AwaitingRegulator && permissions.Grants(User, TradingPermissions.ConfirmProject);
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        try
        {
            var file = await Service.OpenFileAsync(TradingUser.From(User), id, fileId, ct);
            return File(file.Content, file.ContentType, file.FileName);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
    }

    public Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, TradingPermissions.DecideProject, () => Service.DecideAsync(TradingUser.From(User), id, Decision, ct), nameof(Decision), ct);

    public Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, TradingPermissions.ConfirmProject, () => Service.ConfirmAsync(TradingUser.From(User), id, Decision, ct), nameof(Decision), ct);

    public Task<IActionResult> OnPostExemptAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, TradingPermissions.DecideProject, () => Service.ExemptAsync(TradingUser.From(User), id, Exemption,
            BasisFile is null ? null : new ProjectUpload(ProjectFileKind.Other, BasisFile.FileName, BasisFile.ContentType, BasisFile.Length, BasisFile.OpenReadStream),
            ct), nameof(Exemption), ct);

    private async Task<IActionResult> ActAsync(Guid id, string permission, Func<Task<ProjectView>> action, string prefix, CancellationToken ct)
    {
        if (!permissions.Grants(User, permission))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        try
        {
            var project = await action();
            Message = $"已记录：{ProjectNames.Status(project.Status)}。";
            return RedirectToPage(new { id });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (Exception e) when (e is InputValidationException or BusinessRuleException)
        {
            ModelState.Clear();
            CatalogPages.AddErrors(ModelState, e, prefix);
            return await OnGetAsync(id, ct);
        }
    }
}
