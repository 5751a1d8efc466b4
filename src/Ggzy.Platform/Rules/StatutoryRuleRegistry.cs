using Ggzy.Platform.Data;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Time;
using Microsoft.EntityFrameworkCore;
using static Ggzy.Platform.Rules.RuleOverrideValidator;

namespace Ggzy.Platform.Rules;

/// <summary>
/// The statutory rules and their local overrides: what value applies in a region, and the Regulator's changes to
/// the overrides, each recorded in the Ledger.
/// </summary>
public sealed class StatutoryRuleRegistry(PlatformDbContext db, LedgerWriter ledger, TimeProvider clock)
{
    public const string OverrideAdded = "platform.rule.override-added";
    public const string OverrideRetired = "platform.rule.override-retired";

    private readonly IReadOnlyList<StatutoryRule> _rules = StatutoryRules.All;

    public IReadOnlyList<StatutoryRule> All => _rules;

    public StatutoryRule Get(string key) => _rules.FirstOrDefault(r => r.Key == key) ?? throw UnknownKey(key);

    public async Task<EffectiveRule> EffectiveAsync(string key, string regionCode, CancellationToken ct)
    {
        var rule = Get(key);
        if (!RegionCodes.IsValid(regionCode))
        {
            throw InvalidRegion(regionCode);
        }

        var overrides = await ActiveOverridesAsync(key, ct);
        var strictest = overrides
            .Where(o => RegionCodes.Covers(o.RegionCode, regionCode) && rule.AllowsOverride(o.Value))
            .OrderBy(o => rule.Direction == RuleDirection.Minimum ? -o.Value : o.Value)
            .ThenByDescending(o => RegionCodes.Level(o.RegionCode))
            .FirstOrDefault();
        return strictest is null
            ? new EffectiveRule(rule, rule.Value, rule.Citation, null)
            : new EffectiveRule(rule, strictest.Value, strictest.Basis, strictest);
    }

    public async Task<IReadOnlyList<RuleOverride>> ActiveOverridesAsync(string? key, CancellationToken ct)
    {
        var active = await db.RuleOverrides.AsNoTracking()
            .Where(o => o.RetiredAt == null && (key == null || o.RuleKey == key))
            .ToListAsync(ct);
        return [.. active.OrderBy(o => o.RuleKey, StringComparer.Ordinal).ThenBy(o => o.RegionCode, StringComparer.Ordinal)];
    }

    public async Task<RuleOverride> AddOverrideAsync(string key, string regionCode, decimal value, string basis, string actor, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var rule = _rules.FirstOrDefault(r => r.Key == key) ?? throw UnknownKey(key);
        if (!RegionCodes.IsValid(regionCode))
        {
            throw InvalidRegion(regionCode);
        }

        var checkedBasis = CheckBasis(basis);
        CheckValue(rule, value);
        if (await db.RuleOverrides.AnyAsync(o => o.RuleKey == key && o.RegionCode == regionCode && o.RetiredAt == null, ct))
        {
            throw new BusinessRuleException(
                $"行政区划 {regionCode} 已有“{rule.Name}”的生效设定；如需调整，请先停用原设定再新增。", field: "RegionCode");
        }

        var now = clock.GetUtcNow();
        var added = new RuleOverride
        {
            Id = Guid.CreateVersion7(now),
            RuleKey = key,
            RegionCode = regionCode,
            Value = value,
            Basis = checkedBasis,
            CreatedAt = now,
            CreatedBy = actor,
        };
        db.RuleOverrides.Add(added);
        await ledger.SaveChangesAsync(db, new LedgerDraft(OverrideAdded, Subject(key), new
        {
            added.Id,
            added.RuleKey,
            added.RegionCode,
            added.Value,
            nationalValue = rule.Value,
            added.Basis,
            added.CreatedBy,
        }), ct);
        return added;
    }

    public async Task RetireOverrideAsync(Guid id, string actor, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var found = await db.RuleOverrides.FirstOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException("未找到该地方设定，请刷新列表后重试。");
        if (found.RetiredAt is { } retiredAt)
        {
            throw new BusinessRuleException($"该地方设定已于 {ChinaTime.Format(retiredAt)} 停用，无需再次停用。");
        }

        found.RetiredAt = clock.GetUtcNow();
        await ledger.SaveChangesAsync(db, new LedgerDraft(OverrideRetired, Subject(found.RuleKey), new
        {
            found.Id,
            found.RuleKey,
            found.RegionCode,
            found.Value,
            retiredBy = actor,
        }), ct);
    }

    private static string Subject(string key) => "rule:" + key;
}
