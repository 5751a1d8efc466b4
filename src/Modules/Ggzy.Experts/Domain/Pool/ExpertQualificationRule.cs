using Ggzy.Experts.Contracts;
using Ggzy.Platform.Rules;

namespace Ggzy.Experts.Domain.Pool;

/// <summary>
/// 招标投标法 第三十七条: an expert who evaluates engineering construction bids “应当从事相关领域工作满八年并具有高级职称或者
/// 具有同等专业水平” (12号令 第十一条 repeats it for the pool). The years are the named rule
/// <see cref="StatutoryRules.ExpertPracticeYears"/> (a region may raise them); the title half is checked here with it.
/// Goods and services specialties are not engineering construction and are not bound by it.
/// </summary>
internal static class ExpertQualificationRule
{
    public static void Check(EffectiveRule years, bool engineering, TitleLevel level, string? equivalence, DateOnly practisingSince, DateOnly today)
    {
        if (!engineering)
        {
            return;
        }

        var served = YearsBetween(practisingSince, today);
        if (served < years.Value)
        {
            throw Refusal(years,
                $"工程建设项目评标专家须从事相关领域工作满 {StatutoryRule.Format(years.Value)} 年，该专家自 {practisingSince:yyyy-MM-dd} 起从业，" +
                $"至今满 {served} 年；请核对从业起始日期，或不为其登记工程类（A）专业",
                "practisingSince");
        }

        if (!level.IsSenior() && string.IsNullOrWhiteSpace(equivalence))
        {
            throw Refusal(years,
                $"工程建设项目评标专家须具有高级职称（正高级或副高级）或者具有同等专业水平；该专家的职称等级为“{level.Label()}”。" +
                "请登记高级职称，或在“同等专业水平”中写明依据（如一级注册建造师），或不为其登记工程类（A）专业",
                "titleLevel");
        }
    }

    public const string NotQualified = "EXPERT_NOT_QUALIFIED";

    private static StatutoryRuleException Refusal(EffectiveRule years, string problem, string field) =>
        new(years.Rule, $"{problem.TrimEnd('。', '；', '，')}（依据：{years.Source}）。", years.Source, field) { Code = NotQualified };

    /// <summary>Whole years from <paramref name="from"/> to <paramref name="to"/>: a year is complete on its anniversary.</summary>
    public static int YearsBetween(DateOnly from, DateOnly to)
    {
        var years = to.Year - from.Year;
        if (to < from.AddYears(years))
        {
            years--;
        }

        return Math.Max(0, years);
    }
}
