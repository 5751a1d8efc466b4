using System.Security.Claims;
using Ggzy.Credit.Contracts;
using Ggzy.Credit.Data;
using Ggzy.Credit.Domain;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Credit.Features.EntityProfile;

/// <summary>
/// 业绩 and 资质 an entity publishes (R31: Jilin-Measures §43). Members keep their own organisation's rows; a
/// correction withdraws the row and adds its replacement (ADR 0010), each change with its Ledger entry.
/// </summary>
internal sealed class EntityProfileService(CreditDbContext db, EntityMembership membership, LedgerWriter ledger, TimeProvider clock)
    : IEntityProfiles
{
    private const decimal MaxAmount = 999_999_999_999.99m;

    public async Task<EntityProfileInfo?> FindAsync(string creditCode, CancellationToken ct)
    {
        var code = (creditCode ?? "").Trim().ToUpperInvariant();
        if (!CreditCode.TryParse(code, out _, out _)
            || await db.MarketEntities.AsNoTracking().SingleOrDefaultAsync(e => e.CreditCode == code, ct) is not { } entity)
        {
            return null;
        }

        return await ProfileOfAsync(entity, ct);
    }

    public async Task<IReadOnlyDictionary<Guid, EntityProfileSummary>> SummariesAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var performance = await db.Performances.AsNoTracking().Where(p => p.WithdrawnAt == null)
            .Select(p => p.MarketEntityId).ToListAsync(ct);
        var qualifications = await db.Qualifications.AsNoTracking().Where(q => q.WithdrawnAt == null)
            .Select(q => new { q.MarketEntityId, q.ValidUntil }).ToListAsync(ct);
        return performance.Concat(qualifications.Select(q => q.MarketEntityId)).Distinct().ToDictionary(
            id => id,
            id => new EntityProfileSummary(
                performance.Count(p => p == id),
                qualifications.Count(q => q.MarketEntityId == id),
                qualifications.Count(q => q.MarketEntityId == id && q.ValidUntil >= today)));
    }

    public async Task<EntityProfileInfo> OwnAsync(ClaimsPrincipal user, CancellationToken ct) =>
        await ProfileOfAsync((await membership.OfAsync(user, ct)).Entity, ct);

    public async Task<PerformanceInfo> AddPerformanceAsync(ClaimsPrincipal user, PerformanceInput input, CancellationToken ct)
    {
        var (entity, member) = await membership.OfAsync(user, ct);
        Validate(input);
        var row = NewPerformance(entity, member.UserName!, input, null);
        db.Performances.Add(row);
        await ledger.SaveChangesAsync(db, new LedgerDraft("credit.performance.added", $"market-entity:{entity.CreditCode}", Payload(row)), ct);
        return Info(row);
    }

    public async Task<PerformanceInfo> CorrectPerformanceAsync(ClaimsPrincipal user, Guid id, PerformanceInput input, CancellationToken ct)
    {
        var (entity, member) = await membership.OfAsync(user, ct);
        Validate(input);
        var old = await CurrentPerformanceAsync(entity, id, ct);
        Withdraw(old, member.UserName!);
        var row = NewPerformance(entity, member.UserName!, input, old.Id);
        db.Performances.Add(row);
        await ledger.SaveChangesAsync(db, new LedgerDraft("credit.performance.corrected", $"market-entity:{entity.CreditCode}", Payload(row)), ct);
        return Info(row);
    }

    public async Task WithdrawPerformanceAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var (entity, member) = await membership.OfAsync(user, ct);
        var old = await CurrentPerformanceAsync(entity, id, ct);
        Withdraw(old, member.UserName!);
        await ledger.SaveChangesAsync(db, new LedgerDraft("credit.performance.withdrawn", $"market-entity:{entity.CreditCode}",
            new { performance = old.Id, projectName = old.ProjectName }), ct);
    }

    public async Task<QualificationInfo> AddQualificationAsync(ClaimsPrincipal user, QualificationInput input, CancellationToken ct)
    {
        var (entity, member) = await membership.OfAsync(user, ct);
        Validate(input);
        var row = NewQualification(entity, member.UserName!, input, null);
        db.Qualifications.Add(row);
        await ledger.SaveChangesAsync(db, new LedgerDraft("credit.qualification.added", $"market-entity:{entity.CreditCode}", Payload(row)), ct);
        return Info(row, clock.Today());
    }

    public async Task<QualificationInfo> CorrectQualificationAsync(ClaimsPrincipal user, Guid id, QualificationInput input, CancellationToken ct)
    {
        var (entity, member) = await membership.OfAsync(user, ct);
        Validate(input);
        var old = await CurrentQualificationAsync(entity, id, ct);
        Withdraw(old, member.UserName!);
        var row = NewQualification(entity, member.UserName!, input, old.Id);
        db.Qualifications.Add(row);
        await ledger.SaveChangesAsync(db, new LedgerDraft("credit.qualification.corrected", $"market-entity:{entity.CreditCode}", Payload(row)), ct);
        return Info(row, clock.Today());
    }

    public async Task WithdrawQualificationAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var (entity, member) = await membership.OfAsync(user, ct);
        var old = await CurrentQualificationAsync(entity, id, ct);
        Withdraw(old, member.UserName!);
        await ledger.SaveChangesAsync(db, new LedgerDraft("credit.qualification.withdrawn", $"market-entity:{entity.CreditCode}",
            new { qualification = old.Id, name = old.Name, certificateNumber = old.CertificateNumber }), ct);
    }

    private async Task<EntityProfileInfo> ProfileOfAsync(MarketEntity entity, CancellationToken ct)
    {
        var today = clock.Today();
        var performance = await db.Performances.AsNoTracking().Where(p => p.MarketEntityId == entity.Id && p.WithdrawnAt == null)
            .ToListAsync(ct);
        var qualifications = await db.Qualifications.AsNoTracking().Where(q => q.MarketEntityId == entity.Id && q.WithdrawnAt == null)
            .ToListAsync(ct);
        return new EntityProfileInfo(entity.Id, entity.CreditCode, entity.LegalName,
            [.. performance.OrderByDescending(p => p.CompletedOn).ThenBy(p => p.ProjectName, StringComparer.Ordinal).Select(Info)],
            [.. qualifications.OrderBy(q => q.ValidUntil < today).ThenBy(q => q.Name, StringComparer.Ordinal).Select(q => Info(q, today))]);
    }

    private async Task<EntityPerformance> CurrentPerformanceAsync(MarketEntity entity, Guid id, CancellationToken ct) =>
        await db.Performances.SingleOrDefaultAsync(p => p.Id == id && p.MarketEntityId == entity.Id && p.WithdrawnAt == null, ct)
        ?? throw new NotFoundException(CreditProfileErrors.PerformanceNotFound);

    private async Task<EntityQualification> CurrentQualificationAsync(MarketEntity entity, Guid id, CancellationToken ct) =>
        await db.Qualifications.SingleOrDefaultAsync(q => q.Id == id && q.MarketEntityId == entity.Id && q.WithdrawnAt == null, ct)
        ?? throw new NotFoundException(CreditProfileErrors.QualificationNotFound);

    private void Withdraw(EntityPerformance row, string by)
    {
        row.WithdrawnAt = clock.GetUtcNow();
        row.WithdrawnBy = by;
    }

    private void Withdraw(EntityQualification row, string by)
    {
        row.WithdrawnAt = clock.GetUtcNow();
        row.WithdrawnBy = by;
    }

    private EntityPerformance NewPerformance(MarketEntity entity, string by, PerformanceInput input, Guid? replaces)
    {
        var now = clock.GetUtcNow();
        return new EntityPerformance
        {
            Id = Guid.CreateVersion7(now),
            MarketEntityId = entity.Id,
            ProjectName = input.ProjectName!.Trim(),
            Client = input.Client!.Trim(),
            Amount = input.Amount!.Value,
            CompletedOn = input.CompletedOn!.Value,
            Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
            ReplacesId = replaces,
            RecordedAt = now,
            RecordedBy = by,
        };
    }

    private EntityQualification NewQualification(MarketEntity entity, string by, QualificationInput input, Guid? replaces)
    {
        var now = clock.GetUtcNow();
        return new EntityQualification
        {
            Id = Guid.CreateVersion7(now),
            MarketEntityId = entity.Id,
            Name = input.Name!.Trim(),
            CertificateNumber = input.CertificateNumber!.Trim(),
            IssuingAuthority = input.IssuingAuthority!.Trim(),
            Level = string.IsNullOrWhiteSpace(input.Level) ? null : input.Level.Trim(),
            ValidFrom = input.ValidFrom!.Value,
            ValidUntil = input.ValidUntil!.Value,
            ReplacesId = replaces,
            RecordedAt = now,
            RecordedBy = by,
        };
    }

    private void Validate(PerformanceInput input)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!Filled(input.ProjectName, 200))
        {
            errors["projectName"] = [CreditProfileErrors.ProjectNameRequired];
        }

        if (!Filled(input.Client, 200))
        {
            errors["client"] = [CreditProfileErrors.ClientRequired];
        }

        if (input.Amount is not { } amount || amount <= 0 || amount > MaxAmount || decimal.Round(amount, 2) != amount)
        {
            errors["amount"] = [CreditProfileErrors.AmountInvalid];
        }

        if (input.CompletedOn is not { } completed)
        {
            errors["completedOn"] = [CreditProfileErrors.CompletedOnRequired];
        }
        else if (completed > clock.Today())
        {
            errors["completedOn"] = [CreditProfileErrors.CompletedOnInFuture];
        }

        if (input.Description is { Length: > 1000 })
        {
            errors["description"] = [CreditProfileErrors.DescriptionTooLong];
        }

        ThrowIfAny(errors);
    }

    private static void Validate(QualificationInput input)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!Filled(input.Name, 100))
        {
            errors["name"] = [CreditProfileErrors.QualificationNameRequired];
        }

        if (!Filled(input.CertificateNumber, 64))
        {
            errors["certificateNumber"] = [CreditProfileErrors.CertificateNumberRequired];
        }

        if (!Filled(input.IssuingAuthority, 100))
        {
            errors["issuingAuthority"] = [CreditProfileErrors.IssuingAuthorityRequired];
        }

        if (input.Level is { } level && level.Trim().Length > 50)
        {
            errors["level"] = [CreditProfileErrors.LevelTooLong];
        }

        if (input.ValidFrom is null)
        {
            errors["validFrom"] = [CreditProfileErrors.ValidFromRequired];
        }

        if (input.ValidUntil is not { } until || (input.ValidFrom is { } from && until < from))
        {
            errors["validUntil"] = [CreditProfileErrors.ValidUntilInvalid];
        }

        ThrowIfAny(errors);
    }

    private static void ThrowIfAny(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }
    }

    private static bool Filled(string? value, int max) => !string.IsNullOrWhiteSpace(value) && value.Trim().Length <= max;

    private static object Payload(EntityPerformance p) => new
    {
        performance = p.Id,
        replaces = p.ReplacesId,
        projectName = p.ProjectName,
        client = p.Client,
        amount = p.Amount,
        completedOn = p.CompletedOn,
        description = p.Description,
    };

    private static object Payload(EntityQualification q) => new
    {
        qualification = q.Id,
        replaces = q.ReplacesId,
        name = q.Name,
        certificateNumber = q.CertificateNumber,
        issuingAuthority = q.IssuingAuthority,
        level = q.Level,
        validFrom = q.ValidFrom,
        validUntil = q.ValidUntil,
    };

    private static PerformanceInfo Info(EntityPerformance p) =>
        new(p.Id, p.ProjectName, p.Client, p.Amount, p.CompletedOn, p.Description, p.RecordedAt, p.RecordedBy, p.ReplacesId);

    private static QualificationInfo Info(EntityQualification q, DateOnly today) =>
        new(q.Id, q.Name, q.CertificateNumber, q.IssuingAuthority, q.Level, q.ValidFrom, q.ValidUntil, q.ValidUntil < today,
            q.RecordedAt, q.RecordedBy, q.ReplacesId);
}
