using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Pool;
using Ggzy.Experts.Domain.Specialties;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Experts.Features.Pool;

/// <summary>
/// The pool for the draw: experts by specialty through the indexed code table, with their employment, relatives, leave
/// and status history loaded in one split query each. Withdrawn leave and relatives are left out.
/// </summary>
internal sealed class ExpertPool(ExpertsDbContext db, SpecialtyCatalog catalog) : IExpertPool
{
    public async Task<IReadOnlyList<PoolExpert>> BySpecialtiesAsync(IReadOnlyCollection<string> specialtyCodes, CancellationToken ct)
    {
        var codes = specialtyCodes.SelectMany(catalog.Expand).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
        {
            return [];
        }

        var experts = await Loaded()
            .Where(e => db.ExpertSpecialties.Any(s => s.ExpertId == e.Id && codes.Contains(s.SpecialtyCode)))
            .OrderBy(e => e.Number)
            .ToListAsync(ct);
        return [.. experts.Select(ToContract)];
    }

    public async Task<PoolExpert?> FindAsync(Guid expertId, CancellationToken ct) =>
        await Loaded().FirstOrDefaultAsync(e => e.Id == expertId, ct) is { } e ? ToContract(e) : null;

    public async Task<PoolExpert?> FindByUserAsync(Guid userId, CancellationToken ct) =>
        await Loaded().FirstOrDefaultAsync(e => e.UserId == userId, ct) is { } e ? ToContract(e) : null;

    public IReadOnlyList<string> Expand(string specialtyCode) => catalog.Expand(specialtyCode);

    private IQueryable<Expert> Loaded() => db.Experts.AsNoTracking()
        .Include(e => e.Specialties)
        .Include(e => e.Employments)
        .Include(e => e.Relatives.Where(r => r.WithdrawnAt == null))
        .Include(e => e.Leaves.Where(l => l.WithdrawnAt == null))
        .Include(e => e.StatusChanges)
        .AsSplitQuery();

    public static PoolExpert ToContract(Expert e) => new(
        e.Id,
        e.Number,
        e.Code,
        e.IdentityKey,
        e.UserId,
        e.RegionCode,
        e.TitleLevel,
        e.SeniorEquivalent,
        e.PractisingSince,
        [.. e.Specialties.Select(s => s.SpecialtyCode).Order(StringComparer.Ordinal)],
        [.. e.Employments.OrderBy(x => x.From).Select(x => new PoolEmployment(x.EmployerCreditCode, x.EmployerName, x.From, x.Until))],
        [.. e.Relatives.Where(r => r.WithdrawnAt is null)
            .Select(r => new PoolRelative(r.Id, r.Relationship, r.EmployerCreditCode, r.EmployerName, r.NameCipher is not null))],
        [.. e.Leaves.Where(l => l.WithdrawnAt is null).OrderBy(l => l.From).Select(l => new PoolLeave(l.From, l.Until))],
        [.. e.StatusChanges.OrderBy(c => c.RecordedAt).ThenBy(c => c.Id).Select(c => c.ToContract())]);
}
