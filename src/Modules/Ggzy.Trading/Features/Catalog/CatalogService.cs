using Ggzy.Platform.Data;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Rules;
using Ggzy.Platform.Time;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Trading.Features.Catalog;

/// <summary>
/// The trading catalog (R1–R3, ADR 0011): versions drafted by the center as a copy of the current one, approved by the
/// Regulator and published with the day they take effect; the version in effect answers whether a project must enter
/// the platform and which center takes it. Every change is on the Ledger; refused input changes nothing.
/// </summary>
internal sealed class CatalogService(TradingDbContext db, PlatformDbContext platform, LedgerWriter ledger, TimeProvider clock)
    : ITradingCatalog, ICatalogAdministration
{
    public const decimal MaxAmount = 1_000_000_000_000m;

    public async Task<CatalogClassification> ClassifyAsync(
        string? sector, string? projectType, decimal? estimatedAmount, string? regionCode, DateTimeOffset at, CancellationToken ct)
    {
        var centers = await CentersAsync(ct);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (sector is null || !CatalogNames.Sectors.Contains(sector.Trim(), StringComparer.Ordinal))
        {
            errors["sector"] = [TradingErrors.SectorInvalid];
        }

        if (string.IsNullOrWhiteSpace(projectType) || projectType.Trim().Length > 50)
        {
            errors["projectType"] = [TradingErrors.ProjectTypeInvalid];
        }

        CheckAmount(estimatedAmount, "estimatedAmount", errors);
        var region = regionCode?.Trim();
        if (!InJurisdiction(region, centers))
        {
            errors["regionCode"] = [TradingErrors.RegionInvalid];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        var amount = estimatedAmount!.Value;
        var current = await CurrentVersionAsync(at, ct);
        var entry = current?.Entries
            .Where(e => string.Equals(e.Sector, sector!.Trim(), StringComparison.Ordinal)
                && string.Equals(e.ProjectType, projectType!.Trim(), StringComparison.Ordinal)
                && Covers(e.RegionCode, region!))
            .OrderByDescending(e => Specificity(e.RegionCode))
            .FirstOrDefault();
        var center = Route(entry, region!, centers);
        if (current is null || entry is null)
        {
            return new CatalogClassification(CatalogVerdict.NotInCatalog,
                $"该类项目不在现行交易目录之内，不属于必须进场交易的项目；如自愿进场或决定公开招标，可由{center?.Name ?? "交易中心"}受理（依据：{TradingErrors.R3}）。",
                current?.Number, null, TradingErrors.R3, center);
        }

        var info = Info(entry, centers);
        return amount >= entry.ThresholdAmount
            ? new CatalogClassification(CatalogVerdict.MustEnter,
                $"估算价 {Yuan(amount)} 达到限额 {Yuan(entry.ThresholdAmount)}，属于必须进入公共资源交易平台交易的项目，由{center?.Name ?? "交易中心"}受理（依据：{entry.Citation}；{TradingErrors.R2}）。",
                current.Number, info, entry.Citation, center)
            : new CatalogClassification(CatalogVerdict.MayEnterVoluntarily,
                $"估算价 {Yuan(amount)} 低于限额 {Yuan(entry.ThresholdAmount)}，不属于必须进场交易的项目，可自愿进场；招标人或采购人决定公开招标的，应当在公共资源交易平台交易，由{center?.Name ?? "交易中心"}受理（依据：{TradingErrors.R3}；{entry.Citation}）。",
                current.Number, info, TradingErrors.R3, center);
    }

    public async Task<CatalogVersionInfo?> CurrentAsync(DateTimeOffset at, CancellationToken ct)
    {
        var current = await CurrentVersionAsync(at, ct);
        return current is null ? null : Info(current, current.Id, await CentersAsync(ct));
    }

    public async Task<IReadOnlyList<HandlingCenter>> CentersAsync(CancellationToken ct) =>
        await platform.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.TradingCenter || o.Kind == OrganizationKind.BranchCenter)
            .OrderBy(o => o.Kind).ThenBy(o => o.RegionCode)
            .Select(o => new HandlingCenter(o.Id, o.Name, o.RegionCode, o.Kind == OrganizationKind.BranchCenter))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<CatalogVersionInfo>> VersionsAsync(CancellationToken ct)
    {
        var versions = await db.CatalogVersions.AsNoTracking().Include(v => v.Entries).ToListAsync(ct);
        var currentId = (await CurrentVersionAsync(clock.GetUtcNow(), ct))?.Id;
        var centers = await CentersAsync(ct);
        return [.. versions.OrderByDescending(v => v.Number).Select(v => Info(v, currentId, centers))];
    }

    public async Task<CatalogVersionInfo> VersionAsync(Guid id, CancellationToken ct)
    {
        var version = await db.CatalogVersions.AsNoTracking().Include(v => v.Entries).SingleOrDefaultAsync(v => v.Id == id, ct)
            ?? throw new NotFoundException(TradingErrors.VersionNotFound);
        var currentId = (await CurrentVersionAsync(clock.GetUtcNow(), ct))?.Id;
        return Info(version, currentId, await CentersAsync(ct));
    }

    public async Task<CatalogVersionInfo> DraftAsync(string actor, CatalogDraftInput input, CancellationToken ct)
    {
        var basis = input.Basis?.Trim();
        if (string.IsNullOrEmpty(basis) || basis.Length > 500)
        {
            throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["basis"] = [TradingErrors.BasisRequired] });
        }

        var versions = await db.CatalogVersions.AsNoTracking().Select(v => new { v.Number, v.Status }).ToListAsync(ct);
        if (versions.Any(v => v.Status is CatalogVersionStatus.Draft or CatalogVersionStatus.Submitted
                or CatalogVersionStatus.Approved or CatalogVersionStatus.Rejected))
        {
            throw new BusinessRuleException(TradingErrors.OpenDraftExists, TradingErrors.R1, "version");
        }

        var now = clock.GetUtcNow();
        var source = await LatestPublishedAsync(ct) ?? throw new BusinessRuleException(TradingErrors.NothingToCopy, TradingErrors.R1, "version");
        var id = Guid.CreateVersion7(now);
        var draft = new CatalogVersion
        {
            Id = id,
            Number = versions.Max(v => v.Number) + 1,
            Status = CatalogVersionStatus.Draft,
            Basis = basis,
            DraftedAt = now,
            DraftedBy = actor,
            Entries = [.. source.Entries.Select(e => e.CopyTo(id, Guid.CreateVersion7(now)))],
        };
        db.CatalogVersions.Add(draft);
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.catalog.drafted", Subject(draft),
            new { number = draft.Number, basis, copiedFrom = source.Number, entries = draft.Entries.Count }), ct);
        return Info(draft, null, await CentersAsync(ct));
    }

    public async Task<CatalogEntryInfo> AddEntryAsync(string actor, Guid versionId, CatalogEntryInput input, CancellationToken ct)
    {
        var version = await EditableAsync(versionId, ct);
        var centers = await CentersAsync(ct);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var sector = input.Sector?.Trim();
        if (sector is null || !CatalogNames.Sectors.Contains(sector, StringComparer.Ordinal))
        {
            errors["sector"] = [TradingErrors.SectorInvalid];
        }

        var type = input.ProjectType?.Trim();
        if (string.IsNullOrEmpty(type) || type.Length > 50)
        {
            errors["projectType"] = [TradingErrors.ProjectTypeInvalid];
        }

        CheckAmount(input.ThresholdAmount, "thresholdAmount", errors);
        var region = input.RegionCode?.Trim();
        var regionValid = region == CatalogNames.Nationwide || InJurisdiction(region, centers);
        if (!regionValid)
        {
            errors["regionCode"] = [TradingErrors.EntryRegionInvalid];
        }

        if (input.HandlingCenterId is { } centerId
            && (centers.SingleOrDefault(c => c.OrganizationId == centerId) is not { } chosen
                || (regionValid && region != CatalogNames.Nationwide && !RegionCodes.Covers(chosen.RegionCode, region!)
                    && !RegionCodes.Covers(region!, chosen.RegionCode))))
        {
            errors["handlingCenterId"] = [TradingErrors.CenterInvalid];
        }

        var citation = input.Citation?.Trim();
        if (string.IsNullOrEmpty(citation) || citation.Length > 300)
        {
            errors["citation"] = [TradingErrors.CitationRequired];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        if (version.Entries.Any(e => e.Sector == sector && e.ProjectType == type && e.RegionCode == region))
        {
            throw new BusinessRuleException(TradingErrors.DuplicateEntry, TradingErrors.R1, "projectType");
        }

        var entry = new CatalogEntry
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            VersionId = version.Id,
            Sector = sector!,
            ProjectType = type!,
            ThresholdAmount = input.ThresholdAmount!.Value,
            RegionCode = region!,
            HandlingCenterId = input.HandlingCenterId,
            Citation = citation!,
        };
        db.CatalogEntries.Add(entry);
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.catalog.entry-added", Subject(version), new
        {
            number = version.Number,
            entry = entry.Id,
            entry.Sector,
            entry.ProjectType,
            entry.ThresholdAmount,
            entry.Currency,
            entry.RegionCode,
            entry.HandlingCenterId,
            entry.Citation,
            by = actor,
        }), ct);
        return Info(entry, centers);
    }

    public async Task RemoveEntryAsync(string actor, Guid versionId, Guid entryId, CancellationToken ct)
    {
        var version = await EditableAsync(versionId, ct);
        var entry = version.Entries.SingleOrDefault(e => e.Id == entryId) ?? throw new NotFoundException(TradingErrors.EntryNotFound);
        db.CatalogEntries.Remove(entry);
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.catalog.entry-removed", Subject(version), new
        {
            number = version.Number,
            entry = entry.Id,
            entry.Sector,
            entry.ProjectType,
            entry.RegionCode,
            by = actor,
        }), ct);
    }

    public async Task SubmitAsync(string actor, Guid versionId, CancellationToken ct)
    {
        var version = await EditableAsync(versionId, ct);
        if (version.Entries.Count == 0)
        {
            throw new BusinessRuleException(TradingErrors.EmptyVersion, TradingErrors.R1, "version");
        }

        version.Status = CatalogVersionStatus.Submitted;
        version.SubmittedAt = clock.GetUtcNow();
        version.SubmittedBy = actor;
        version.DecidedAt = null;
        version.DecidedBy = null;
        version.RejectionReason = null;
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.catalog.submitted", Subject(version),
            new { number = version.Number, entries = version.Entries.Count }), ct);
    }

    public async Task DecideAsync(string actor, Guid versionId, CatalogDecisionInput input, CancellationToken ct)
    {
        var version = await FindAsync(versionId, ct);
        var reason = input.Reason?.Trim();
        if (!input.Approve && (string.IsNullOrEmpty(reason) || reason.Length > 500))
        {
            throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["reason"] = [TradingErrors.ReasonRequired] });
        }

        if (version.Status != CatalogVersionStatus.Submitted)
        {
            throw new BusinessRuleException(TradingErrors.NotSubmitted, TradingErrors.R1, "version");
        }

        if (string.Equals(actor, version.DraftedBy, StringComparison.Ordinal) || string.Equals(actor, version.SubmittedBy, StringComparison.Ordinal))
        {
            throw new BusinessRuleException(TradingErrors.OwnDraft, TradingErrors.R1, "version");
        }

        version.Status = input.Approve ? CatalogVersionStatus.Approved : CatalogVersionStatus.Rejected;
        version.DecidedAt = clock.GetUtcNow();
        version.DecidedBy = actor;
        version.RejectionReason = input.Approve ? null : reason;
        await ledger.SaveChangesAsync(db, new LedgerDraft(input.Approve ? "trading.catalog.approved" : "trading.catalog.rejected",
            Subject(version), new { number = version.Number, reason = version.RejectionReason }), ct);
    }

    public async Task PublishAsync(string actor, Guid versionId, CatalogPublishInput input, CancellationToken ct)
    {
        var version = await FindAsync(versionId, ct);
        if (version.Status != CatalogVersionStatus.Approved)
        {
            throw new BusinessRuleException(TradingErrors.NotApproved, TradingErrors.R1, "version");
        }

        var latest = await LatestPublishedAsync(ct);
        var today = clock.Today();
        if (input.EffectiveFrom is not { } day || day < today
            || (latest?.EffectiveFrom is { } previous && ChinaTime.StartOfDay(day) <= previous))
        {
            throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["effectiveFrom"] = [TradingErrors.EffectiveFromInvalid] });
        }

        var now = clock.GetUtcNow();
        version.Status = CatalogVersionStatus.Published;
        version.EffectiveFrom = ChinaTime.StartOfDay(day);
        version.PublishedAt = now;
        version.PublishedBy = actor;
        if (latest is not null)
        {
            db.Attach(latest);
            latest.Status = CatalogVersionStatus.Superseded;
        }

        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.catalog.published", Subject(version), new
        {
            number = version.Number,
            effectiveFrom = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            supersedes = latest?.Number,
        }), ct);
    }

    /// <summary>Installs a version as published without the approval steps: the shipped national version only.</summary>
    internal async Task<bool> InstallShippedAsync(CatalogVersion shipped, CancellationToken ct)
    {
        if (await db.CatalogVersions.AnyAsync(ct))
        {
            return false;
        }

        db.CatalogVersions.Add(shipped);
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.catalog.installed", Subject(shipped), new
        {
            number = shipped.Number,
            basis = shipped.Basis,
            entries = shipped.Entries.Select(e => new { e.Sector, e.ProjectType, e.ThresholdAmount, e.Currency, e.RegionCode, e.Citation }),
        }), ct);
        return true;
    }

    /// <summary>The published version with the latest effective day not after <paramref name="at"/>: at most one.</summary>
    private async Task<CatalogVersion?> CurrentVersionAsync(DateTimeOffset at, CancellationToken ct)
    {
        var published = await db.CatalogVersions.AsNoTracking().Include(v => v.Entries)
            .Where(v => v.Status == CatalogVersionStatus.Published || v.Status == CatalogVersionStatus.Superseded)
            .ToListAsync(ct);
        return published.Where(v => v.EffectiveFrom <= at).OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Number).FirstOrDefault();
    }

    private async Task<CatalogVersion?> LatestPublishedAsync(CancellationToken ct) =>
        (await db.CatalogVersions.AsNoTracking().Include(v => v.Entries).Where(v => v.Status == CatalogVersionStatus.Published).ToListAsync(ct))
            .OrderByDescending(v => v.EffectiveFrom).FirstOrDefault();

    private async Task<CatalogVersion> FindAsync(Guid id, CancellationToken ct) =>
        await db.CatalogVersions.Include(v => v.Entries).SingleOrDefaultAsync(v => v.Id == id, ct)
            ?? throw new NotFoundException(TradingErrors.VersionNotFound);

    private async Task<CatalogVersion> EditableAsync(Guid id, CancellationToken ct)
    {
        var version = await FindAsync(id, ct);
        return version.IsEditable ? version : throw new BusinessRuleException(TradingErrors.NotEditable, TradingErrors.R1, "version");
    }

    private static void CheckAmount(decimal? amount, string field, Dictionary<string, string[]> errors)
    {
        if (amount is not { } value || value < 0 || decimal.Round(value, 2) != value)
        {
            errors[field] = [TradingErrors.AmountRequired];
        }
        else if (value > MaxAmount)
        {
            errors[field] = [TradingErrors.AmountTooLarge];
        }
    }

    private static bool InJurisdiction(string? region, IReadOnlyList<HandlingCenter> centers) =>
        RegionCodes.IsValid(region) && centers.Any(c => !c.IsBranch && RegionCodes.Covers(c.RegionCode, region!));

    private static bool Covers(string scope, string region) => scope == CatalogNames.Nationwide || RegionCodes.Covers(scope, region);

    private static int Specificity(string scope) => scope == CatalogNames.Nationwide ? -1 : RegionCodes.Level(scope);

    /// <summary>R2: the entry's center if it names one; else the branch center whose area holds the place, most specific first; else the city center.</summary>
    private static HandlingCenter? Route(CatalogEntry? entry, string region, IReadOnlyList<HandlingCenter> centers)
    {
        if (entry?.HandlingCenterId is { } id && centers.SingleOrDefault(c => c.OrganizationId == id) is { } named)
        {
            return named;
        }

        return centers.Where(c => RegionCodes.Covers(c.RegionCode, region))
            .OrderByDescending(c => RegionCodes.Level(c.RegionCode)).ThenByDescending(c => c.IsBranch)
            .FirstOrDefault();
    }

    private static string Subject(CatalogVersion version) => $"trading-catalog:{version.Number}";

    internal static string Yuan(decimal amount) =>
        amount >= 10_000m && amount % 100m == 0
            ? (amount / 10_000m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " 万元"
            : amount.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture) + " 元";

    private static CatalogEntryInfo Info(CatalogEntry e, IReadOnlyList<HandlingCenter> centers) =>
        new(e.Id, e.Sector, e.ProjectType, e.ThresholdAmount, e.Currency, e.RegionCode, e.HandlingCenterId,
            centers.SingleOrDefault(c => c.OrganizationId == e.HandlingCenterId)?.Name, e.Citation);

    private static CatalogVersionInfo Info(CatalogVersion v, Guid? currentId, IReadOnlyList<HandlingCenter> centers) =>
        new(v.Id, v.Number, v.Status, v.Basis, v.EffectiveFrom, v.DraftedAt, v.DraftedBy, v.SubmittedAt, v.SubmittedBy,
            v.DecidedAt, v.DecidedBy, v.RejectionReason, v.PublishedAt, v.PublishedBy, v.Id == currentId,
            [.. v.Entries.OrderBy(e => CatalogNames.Sectors.ToList().IndexOf(e.Sector)).ThenBy(e => e.RegionCode, StringComparer.Ordinal)
                .ThenByDescending(e => e.ThresholdAmount).Select(e => Info(e, centers))]);
}
