using Ggzy.Platform.Calendar;
using Ggzy.Platform.Rules;

namespace Ggzy.Trading.Domain.Schedule;

/// <summary>
/// Loads the timing rules as they apply in a region (with the stricter local overrides) and the holiday calendar,
/// so that the schedule checks themselves stay pure.
/// </summary>
internal sealed class StatutoryTimingSource(StatutoryRuleRegistry registry, WorkCalendar calendar)
{
    public async Task<StatutoryTiming> ForRegionAsync(string regionCode, CancellationToken ct)
    {
        var rules = new List<EffectiveRule>(StatutoryTiming.Rules.Count);
        foreach (var rule in StatutoryTiming.Rules)
        {
            rules.Add(await registry.EffectiveAsync(rule.Key, regionCode, ct));
        }

        return new StatutoryTiming(await calendar.TableAsync(ct), rules);
    }
}
