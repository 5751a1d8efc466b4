using System.Security.Claims;
using Ggzy.Credit.Contracts;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Credit.Areas.Credit.Pages;

/// <summary>本单位数字证书 (R32): a market entity's members bind their certificates (for sign-in and signing) and unbind them.</summary>
[RequirePermission(CreditPermissions.ManageOwnEntity)]
public sealed class CertificatesModel(IEntityCertificates certificates) : PageModel
{
    public IReadOnlyList<BoundCertificateView> Certificates { get; private set; } = [];

    public bool HasOrganization => OrganizationId is not null;

    [BindProperty]
    public IFormFile? CertificateFile { get; set; }

    [BindProperty]
    public string? CertificatePem { get; set; }

    [BindProperty]
    public Guid CertificateId { get; set; }

    [TempData]
    public string? Message { get; set; }

    private Guid? OrganizationId => Guid.TryParse(User.FindFirstValue(GgzyClaims.OrganizationId), out var id) ? id : null;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostBindAsync(CancellationToken ct)
    {
        var data = await CertificateForms.ReadAsync(CertificateFile, CertificatePem, CertificateForms.CertificateLimit, ct);
        BoundCertificateView? bound = null;
        if (await CertificateForms.TryAsync(ModelState, nameof(CertificateFile), async () =>
                bound = await certificates.BindCertificateAsync(OrganizationId ?? Guid.Empty, UserId(), User.Identity?.Name ?? "", data, ct)))
        {
            Message = $"证书“{bound!.Subject}”已绑定到您的账户，可用于签名登录（ggzy login）。";
            return RedirectToPage();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUnbindAsync(CancellationToken ct)
    {
        if (await CertificateForms.TryAsync(ModelState, string.Empty, () =>
                certificates.UnbindAsync(OrganizationId ?? Guid.Empty, CertificateId, User.Identity?.Name ?? "", ct)))
        {
            Message = "已解除绑定；该证书不能再用于登录。";
            return RedirectToPage();
        }

        await LoadAsync(ct);
        return Page();
    }

    private Guid UserId() => Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    private async Task LoadAsync(CancellationToken ct) =>
        Certificates = OrganizationId is { } organization ? await certificates.ListAsync(organization, ct) : [];
}
