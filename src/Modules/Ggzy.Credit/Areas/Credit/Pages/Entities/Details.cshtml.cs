using Ggzy.Credit.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Credit.Areas.Credit.Pages.Entities;

/// <summary>An entity's public page: its basic information and the 信用承诺书 it signed (R27: published for all to see).</summary>
[AllowAnonymous]
public sealed class DetailsModel(IMarketEntities registry, IEntityProfiles profiles) : PageModel
{
    public MarketEntityInfo Entity { get; private set; } = null!;

    public CreditCommitment? Commitment { get; private set; }

    /// <summary>业绩 and 资质 the entity publishes (R31).</summary>
    public EntityProfileInfo? Profile { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        if (await registry.FindByCreditCodeAsync(code ?? "", ct) is not { } entity)
        {
            return NotFound();
        }

        Entity = entity;
        Commitment = CreditCommitments.Find(entity.Commitment?.Version);
        Profile = await profiles.FindAsync(entity.CreditCode, ct);
        return Page();
    }
}
