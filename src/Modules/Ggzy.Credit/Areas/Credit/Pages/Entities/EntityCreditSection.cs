using Ggzy.Credit.Contracts;

namespace Ggzy.Credit.Areas.Credit.Pages.Entities;

/// <summary>
/// The credit section of an entity's public page (R28 published, R29 grade, R30 debarment): any debarment in force,
/// the grade with how it was derived, and the public records with their history.
/// </summary>
internal sealed record EntityCreditSection(DebarmentStatus Debarment, CreditGrade Grade, IReadOnlyList<CreditRecordInfo> Records)
{
    public static async Task<EntityCreditSection> LoadAsync(ICreditStanding standing, TimeProvider clock, string creditCode, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return new EntityCreditSection(
            await standing.IsDebarredAsync(creditCode, now, ct),
            await standing.GradeOfAsync(creditCode, now, ct),
            await standing.RecordsOfEntityAsync(creditCode, includeConfidential: false, ct));
    }
}
