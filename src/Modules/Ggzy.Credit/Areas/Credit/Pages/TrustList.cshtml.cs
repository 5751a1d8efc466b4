using Ggzy.Credit.Contracts;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Credit.Areas.Credit.Pages;

/// <summary>数字证书信任列表 (R32): the center administrator adds CA roots and intermediates, their revocation lists, and removes them.</summary>
[RequirePermission(CreditPermissions.ManageTrustList)]
public sealed class TrustListModel(ITrustList trustList) : PageModel
{
    public IReadOnlyList<TrustedAuthorityView> Authorities { get; private set; } = [];

    [BindProperty]
    public IFormFile? CertificateFile { get; set; }

    [BindProperty]
    public string? CertificatePem { get; set; }

    [BindProperty]
    public IFormFile? CrlFile { get; set; }

    [BindProperty]
    public Guid AuthorityId { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Authorities = await trustList.ListAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var data = await CertificateForms.ReadAsync(CertificateFile, CertificatePem, CertificateForms.CertificateLimit, ct);
        TrustedAuthorityView? added = null;
        if (await CertificateForms.TryAsync(ModelState, nameof(CertificateFile), async () =>
                added = await trustList.AddAsync(data, User.Identity?.Name ?? "", ct)))
        {
            Message = $"已将“{added!.Subject}”加入信任列表。";
            return RedirectToPage();
        }

        return await PageAsync(ct);
    }

    public async Task<IActionResult> OnPostCrlAsync(CancellationToken ct)
    {
        var data = await CertificateForms.ReadAsync(CrlFile, null, CertificateForms.CrlLimit, ct);
        TrustedAuthorityView? updated = null;
        if (await CertificateForms.TryAsync(ModelState, nameof(CrlFile), async () =>
                updated = await trustList.UpdateRevocationListAsync(AuthorityId, data, User.Identity?.Name ?? "", ct)))
        {
            Message = $"已更新“{updated!.Subject}”的吊销列表。";
            return RedirectToPage();
        }

        return await PageAsync(ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        if (await CertificateForms.TryAsync(ModelState, string.Empty, () => trustList.RemoveAsync(AuthorityId, User.Identity?.Name ?? "", ct)))
        {
            Message = "已将该 CA 移出信任列表；由它签发的证书不能再绑定或登录。";
            return RedirectToPage();
        }

        return await PageAsync(ct);
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        Authorities = await trustList.ListAsync(ct);
        return Page();
    }
}
