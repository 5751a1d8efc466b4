using Ggzy.Credit.Contracts;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Credit.Areas.Credit.Pages;

/// <summary>
/// 本单位信息 (R31: Jilin-Measures §43): members of the organisation publish its 业绩 and 资质. A correction withdraws
/// the old row and adds the new one; nothing is changed in place.
/// </summary>
[RequirePermission(CreditPermissions.ManageOwnEntity)]
public sealed class ProfileModel(IEntityProfiles profiles) : PageModel
{
    public EntityProfileInfo Profile { get; private set; } = null!;

    [BindProperty]
    public PerformanceInput Performance { get; set; } = new();

    [BindProperty]
    public QualificationInput Qualification { get; set; } = new();

    /// <summary>The row being corrected, if any.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? EditPerformance { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? EditQualification { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (EditPerformance is { } p && Profile.Performance.FirstOrDefault(x => x.Id == p) is { } row)
        {
            Performance = new() { ProjectName = row.ProjectName, Client = row.Client, Amount = row.Amount, CompletedOn = row.CompletedOn, Description = row.Description };
        }

        if (EditQualification is { } q && Profile.Qualifications.FirstOrDefault(x => x.Id == q) is { } cert)
        {
            Qualification = new()
            {
                Name = cert.Name,
                CertificateNumber = cert.CertificateNumber,
                IssuingAuthority = cert.IssuingAuthority,
                Level = cert.Level,
                ValidFrom = cert.ValidFrom,
                ValidUntil = cert.ValidUntil,
            };
        }

        return Page();
    }

    public Task<IActionResult> OnPostPerformanceAsync(CancellationToken ct) =>
        SaveAsync(
            () => EditPerformance is { } id ? profiles.CorrectPerformanceAsync(User, id, Performance, ct) : profiles.AddPerformanceAsync(User, Performance, ct),
            EditPerformance is null ? "业绩已登记并公开。" : "业绩已更正：原记录已撤回并保留在历史中。",
            nameof(Performance),
            ct);

    public Task<IActionResult> OnPostQualificationAsync(CancellationToken ct) =>
        SaveAsync(
            () => EditQualification is { } id ? profiles.CorrectQualificationAsync(User, id, Qualification, ct) : profiles.AddQualificationAsync(User, Qualification, ct),
            EditQualification is null ? "资质已登记并公开。" : "资质已更正：原记录已撤回并保留在历史中。",
            nameof(Qualification),
            ct);

    public Task<IActionResult> OnPostWithdrawPerformanceAsync(Guid id, CancellationToken ct) =>
        SaveAsync(() => profiles.WithdrawPerformanceAsync(User, id, ct), "业绩已撤回，不再公开。", nameof(Performance), ct);

    public Task<IActionResult> OnPostWithdrawQualificationAsync(Guid id, CancellationToken ct) =>
        SaveAsync(() => profiles.WithdrawQualificationAsync(User, id, ct), "资质已撤回，不再公开。", nameof(Qualification), ct);

    private async Task<IActionResult> SaveAsync(Func<Task> action, string done, string prefix, CancellationToken ct)
    {
        // The use case checks every field itself and says in Chinese what to fix; binding's own messages are dropped.
        ModelState.Clear();
        try
        {
            await action();
            Message = done;
            return RedirectToPage(new { EditPerformance = (Guid?)null, EditQualification = (Guid?)null });
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (Exception e) when (e is InputValidationException or BusinessRuleException)
        {
            PageErrors.Add(ModelState, e, prefix);
        }

        return await LoadAsync(ct) ? Page() : StatusCode(StatusCodes.Status403Forbidden);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        try
        {
            Profile = await profiles.OwnAsync(User, ct);
            return true;
        }
        catch (ForbiddenException)
        {
            return false;
        }
    }
}
