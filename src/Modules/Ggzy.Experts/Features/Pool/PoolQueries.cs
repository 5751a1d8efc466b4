using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Pool;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Experts.Features.Identity;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Experts.Features.Pool;

/// <summary>
/// Reads of the pool. Lists and details carry no identity; <see cref="IdentityAsync"/> reveals one and writes the read
/// to the Ledger first (R53, 1117号 (十四)).
/// </summary>
internal sealed class PoolQueries(ExpertsDbContext db, SpecialtyCatalog catalog, ExpertIdentityProtector protector, LedgerWriter ledger, TimeProvider clock)
{
    public async Task<PoolPage> ListAsync(PoolFilter filter, bool maskedNames, CancellationToken ct)
    {
        var query = db.Experts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Specialty))
        {
            var codes = catalog.Expand(filter.Specialty);
            query = query.Where(e => e.Specialties.Any(s => codes.Contains(s.SpecialtyCode)));
        }

        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            var region = filter.Region.Trim();
            query = query.Where(e => e.RegionCode == region);
        }

        if (!string.IsNullOrWhiteSpace(filter.Code) && ParseCode(filter.Code) is { } number)
        {
            query = query.Where(e => e.Number == number);
        }

        var experts = await query
            .Include(e => e.Specialties)
            .Include(e => e.Leaves.Where(l => l.WithdrawnAt == null))
            .Include(e => e.StatusChanges)
            .AsSplitQuery()
            .OrderBy(e => e.Number)
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var rows = experts
            .Select(e => Row(e, now, today, maskedNames))
            .Where(r => filter.Status is null || r.Status == filter.Status)
            .ToList();
        var page = Math.Max(1, filter.Page);
        return new PoolPage([.. rows.Skip((page - 1) * PoolFilter.PageSize).Take(PoolFilter.PageSize)], rows.Count, page);
    }

    public async Task<ExpertDetailsView> DetailsAsync(Guid id, CancellationToken ct)
    {
        var expert = await Loaded().FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException(ExpertsErrors.ExpertNotFound);
        return Details(expert);
    }

    /// <summary>The identity with employers and relatives, after its read is on the Ledger with <paramref name="purpose"/>.</summary>
    public async Task<ExpertIdentityView> IdentityAsync(Guid id, string purpose, CancellationToken ct)
    {
        var expert = await db.Experts
            .Include(e => e.Employments)
            .Include(e => e.Relatives)
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException(ExpertsErrors.ExpertNotFound);
        await ledger.SaveChangesAsync(db, ExpertsLedger.Read(expert, purpose), ct);
        var identity = protector.Unprotect(expert.IdentityCipher);
        return new ExpertIdentityView(
            identity.Name,
            identity.IdNumber,
            Credit.Contracts.ExpertIdNumbers.Masked(identity.IdNumber),
            identity.Mobile,
            identity.Email,
            [.. expert.Employments.OrderByDescending(x => x.From).Select(x => new EmploymentView(x.Id, x.EmployerCreditCode, x.EmployerName, x.From, x.Until))],
            [.. expert.Relatives.OrderByDescending(r => r.DeclaredAt).Select(r => new RelativeView(r.Id, r.Relationship,
                r.NameCipher is null ? null : protector.UnprotectRelativeName(r.NameCipher), r.EmployerCreditCode, r.EmployerName, r.DeclaredAt, r.WithdrawnAt))]);
    }

    public async Task<Guid?> ExpertOfUserAsync(Guid userId, CancellationToken ct) =>
        await db.Experts.AsNoTracking().Where(e => e.UserId == userId).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);

    public async Task<Guid?> ExpertOfCodeAsync(string? code, CancellationToken ct) =>
        ParseCode(code) is { } number
            ? await db.Experts.AsNoTracking().Where(e => e.Number == number).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct)
            : null;

    /// <summary>Every suspension, blacklisting and retirement, newest first, with its lifting and whether it is in force today.</summary>
    public async Task<IReadOnlyList<SanctionRow>> SanctionsAsync(bool inForceOnly, CancellationToken ct)
    {
        var changes = await db.StatusChanges.AsNoTracking().ToListAsync(ct);
        var codes = await db.Experts.AsNoTracking()
            .Where(e => db.StatusChanges.Any(c => c.ExpertId == e.Id))
            .Select(e => new { e.Id, e.Number })
            .ToDictionaryAsync(e => e.Id, e => Expert.CodeOf(e.Number), ct);
        var today = clock.Today();
        var rows = changes
            .Where(c => c.LiftsId is null)
            .Select(c =>
            {
                var lifting = changes.FirstOrDefault(l => l.LiftsId == c.Id);
                var inForce = c.From <= today && (c.Until is null || today <= c.Until) && (lifting is null || lifting.From > today);
                return new SanctionRow(c.ExpertId, codes[c.ExpertId], c.Id, c.Status, c.From, c.Until, c.Reason, c.Basis, c.DecidedBy,
                    c.DecidedByRole, c.RecordedAt, lifting is null ? null : View(lifting, lifted: false), inForce);
            })
            .Where(r => !inForceOnly || r.InForce)
            .OrderByDescending(r => r.RecordedAt)
            .ToList();
        return rows;
    }

    public static int? ParseCode(string? code)
    {
        var text = (code ?? "").Trim().ToUpperInvariant();
        if (text.StartsWith("ZJ", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    public static string MaskName(string name) => name.Length <= 1 ? "*" : name[0] + new string('*', name.Length - 1);

    private IQueryable<Expert> Loaded() => db.Experts.AsNoTracking()
        .Include(e => e.Specialties)
        .Include(e => e.Leaves)
        .Include(e => e.StatusChanges)
        .AsSplitQuery();

    private PoolRow Row(Expert e, DateTimeOffset now, DateOnly today, bool maskedNames) => new(
        e.Id,
        e.Code,
        maskedNames ? MaskName(protector.Unprotect(e.IdentityCipher).Name) : null,
        [.. e.Specialties.Select(s => s.SpecialtyCode).Order(StringComparer.Ordinal)],
        e.TitleName,
        e.TitleLevel,
        e.RegionCode,
        ExpertQualificationRule.YearsBetween(e.PractisingSince, today),
        e.StatusAt(now),
        e.Leaves.Any(l => l.WithdrawnAt is null && l.From <= today && today <= l.Until));

    private ExpertDetailsView Details(Expert e)
    {
        var now = clock.GetUtcNow();
        var lifted = e.StatusChanges.Where(c => c.LiftsId is not null).Select(c => c.LiftsId!.Value).ToHashSet();
        return new ExpertDetailsView(
            e.Id,
            e.Code,
            e.UserId is not null,
            [.. e.Specialties.Select(s => catalog.Find(s.SpecialtyCode)).OfType<Specialty>()
                .OrderBy(s => s.Code, StringComparer.Ordinal)
                .Select(s => new SpecialtyView(s.Code, s.Name, catalog.PathOf(s.Code), s.Sector))],
            e.TitleName,
            e.TitleLevel,
            e.SeniorEquivalence,
            e.PractisingSince,
            ExpertQualificationRule.YearsBetween(e.PractisingSince, clock.Today()),
            e.RegionCode,
            e.StatusAt(now),
            [.. e.Leaves.OrderByDescending(l => l.From).Select(l => new LeaveView(l.Id, l.From, l.Until, l.Reason, l.RecordedAt, l.WithdrawnAt))],
            [.. e.StatusChanges.OrderByDescending(c => c.RecordedAt).Select(c => View(c, lifted.Contains(c.Id)))],
            e.CreatedAt,
            e.UpdatedAt);
    }

    private static StatusChangeView View(ExpertStatusChange c, bool lifted) =>
        new(c.Id, c.Status, c.LiftsId, c.From, c.Until, c.Reason, c.Basis, c.DecidedBy, c.DecidedByRole, c.RecordedAt, lifted);
}
