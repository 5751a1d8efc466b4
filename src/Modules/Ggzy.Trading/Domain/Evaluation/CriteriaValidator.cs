using Ggzy.Platform.Errors;
using Ggzy.Platform.Rules;
using Ggzy.Trading.Domain.Schedule;
using static Ggzy.Trading.Domain.Evaluation.Figures;

namespace Ggzy.Trading.Domain.Evaluation;

/// <summary>
/// Checks the criteria of the tender documents before they are used: the weights add up to 100 and each group's items
/// to its weight; one price item, alone in its group, in comprehensive scoring; the procurement price-weight floors
/// (87号令 第五十五条: goods ≥ 30 %, services ≥ 10 %, or a region's higher value); no dropping of extremes and no
/// adjustment but the policy deduction in 政府采购 (87号令 第五十四条、第五十五条); no drawing of lots for 工程 candidates
/// (1117号 (二)); the number of candidates (实施条例 第五十三条); the scales. Returns every violation, as
/// <c>ScheduleValidator</c> does.
/// </summary>
internal sealed class CriteriaValidator(EvaluationRules rules)
{
    public const int MaxCodeLength = 20;
    public const int MaxNameLength = 100;

    public CriteriaAssessment Check(EvaluationCriteria c)
    {
        var run = new Run(rules, c);
        run.Check();
        return new CriteriaAssessment(run.Violations);
    }

    private sealed class Run(EvaluationRules rules, EvaluationCriteria c)
    {
        public List<CriteriaViolation> Violations { get; } = [];

        public void Check()
        {
            if (!string.Equals(c.Format, EvaluationCriteria.FormatV1, StringComparison.Ordinal))
            {
                Out(nameof(c.Format), $"评标办法的格式应为 {EvaluationCriteria.FormatV1}。");
            }

            if (c.Revision < 1)
            {
                Out(nameof(c.Revision), "评标办法的版本号从 1 开始，请更正。");
            }

            Law();
            Codes();
            if (c.Method == EvaluationMethod.Comprehensive)
            {
                Comprehensive();
            }
            else
            {
                LowestPrice();
            }

            Adjustments();
            Ranking();
            if (c.Decimals is < 0 or > 4)
            {
                Out(nameof(c.Decimals), "得分保留的小数位数应为 0–4 位（通常 2 位，四舍五入），请更正。");
            }

            if (c.DeviationThresholdPercent is <= 0 or > 100)
            {
                Out(nameof(c.DeviationThresholdPercent),
                    $"畸高畸低的认定幅度应为评审项满分的 1%–100%（平台默认 {Percent(EvaluationCriteria.DefaultDeviationThresholdPercent)}），请更正。");
            }
        }

        private void Law()
        {
            if (c.Regime == Regime.Procurement && c.Subject == SubjectKind.Works)
            {
                Out(nameof(c.Subject), StatutoryRules.Order87 + "适用于货物和服务的招标，采购标的应为货物或服务；"
                    + "政府采购工程依法进行招标的，请按工程招标（《中华人民共和国招标投标法》及其实施条例）设置评标办法。");
            }

            if (c.Regime == Regime.Procurement && c.Aggregation != ScoreAggregation.Mean)
            {
                Out(nameof(c.Aggregation), "政府采购评标，评标委员会各成员应当独立评分并汇总每个投标人的得分，不得去掉最高分和最低分，"
                    + "请改为取全体成员的算术平均值（" + StatutoryRules.Order87 + "第五十五条）。");
            }
        }

        private void Codes()
        {
            var groups = new HashSet<string>(StringComparer.Ordinal);
            var items = new HashSet<string>(StringComparer.Ordinal);
            foreach (var group in c.Groups)
            {
                Name($"Groups[{group.Code}]", "评审因素", group.Code, group.Name, groups);
                foreach (var item in group.Items)
                {
                    Name($"Items[{item.Code}]", "评审项", item.Code, item.Name, items);
                }
            }

            var factors = new HashSet<string>(StringComparer.Ordinal);
            foreach (var factor in c.Adjustments)
            {
                Name($"Adjustments[{factor.Code}]", "价格调整因素", factor.Code, factor.Name, factors);
            }
        }

        private void Name(string field, string what, string code, string name, HashSet<string> seen)
        {
            if (string.IsNullOrWhiteSpace(code) || code.Length > MaxCodeLength || code.Any(char.IsWhiteSpace))
            {
                Out(field, $"{what}编号“{code}”应为 1–{MaxCodeLength} 个字符、不含空格，请更正。");
            }
            else if (!seen.Add(code))
            {
                Out(field, $"{what}编号“{code}”重复，请为每个{what}使用不同的编号。");
            }

            if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
            {
                Out(field, $"{what}“{code}”的名称应为 1–{MaxNameLength} 个字，请更正。");
            }
        }

        private void Comprehensive()
        {
            if (c.Groups.Count == 0)
            {
                Out(nameof(c.Groups), "综合评分法须列出评审因素及其权重，请补充。");
                return;
            }

            var total = c.Groups.Sum(g => g.Weight);
            if (total != EvaluationCriteria.FullMarks)
            {
                Out(nameof(c.Groups), $"各评审因素的权重之和为 {Percent(total)}，应为 100%，请更正。");
            }

            foreach (var group in c.Groups)
            {
                GroupPoints(group);
            }

            var prices = c.Items.Where(i => i.Kind == ItemKind.Price).ToList();
            if (prices.Count != 1)
            {
                Out("Items", prices.Count == 0
                    ? "综合评分法须设价格分评审项（低价优先法：评标基准价/投标报价×100×价格权重），请补充。"
                    : "综合评分法只能有一个价格分评审项，请合并。");
                return;
            }

            var priceGroup = c.GroupOf(prices[0]);
            if (priceGroup.Items.Count != 1)
            {
                Out($"Groups[{priceGroup.Code}]", $"价格分评审项“{prices[0].Name}”应单独作为一个评审因素，其权重即价格分值占总分值的比重，请调整。");
            }

            PriceWeight(priceGroup.Weight);
            if (c.TechnicalGroup is { } technical
                && !c.Groups.Any(g => string.Equals(g.Code, technical, StringComparison.Ordinal) && g != priceGroup))
            {
                Out(nameof(c.TechnicalGroup), $"排序依据的技术评审因素“{technical}”不存在或为价格因素，请填写技术部分的评审因素编号。");
            }
        }

        private void GroupPoints(CriteriaGroup group)
        {
            var field = $"Groups[{group.Code}]";
            if (group.Weight <= 0 || group.Weight > EvaluationCriteria.FullMarks || decimal.Round(group.Weight, 2) != group.Weight)
            {
                Out(field, $"评审因素“{group.Name}”的权重 {Percent(group.Weight)} 应大于 0、不超过 100%，最多两位小数，请更正。");
            }

            if (group.Items.Count == 0)
            {
                Out(field, $"评审因素“{group.Name}”没有评审项，请补充。");
                return;
            }

            var sum = group.Items.Sum(i => i.MaxPoints);
            if (sum != group.Weight)
            {
                Out(field, $"评审因素“{group.Name}”各评审项满分之和为 {Points(sum)} 分，与其权重 {Percent(group.Weight)}（即 {Points(group.Weight)} 分）不一致，请更正。");
            }

            foreach (var item in group.Items)
            {
                Scale(item);
            }
        }

        private void Scale(CriteriaItem item)
        {
            var field = $"Items[{item.Code}]";
            if (item.MaxPoints <= 0 || decimal.Round(item.MaxPoints, c.Decimals is >= 0 and <= 4 ? c.Decimals : 2) != item.MaxPoints)
            {
                Out(field, $"评审项“{item.Name}”的满分 {Points(item.MaxPoints)} 应大于 0，且不超过得分保留的小数位数，请更正。");
                return;
            }

            if (item.Kind == ItemKind.Price)
            {
                if (item.Step != 0 || item.Levels is { Count: > 0 })
                {
                    Out(field, $"价格分“{item.Name}”按公式计算，不设步长或分档，请删除。");
                }

                return;
            }

            if (item.Step < 0 || item.Step > item.MaxPoints)
            {
                Out(field, $"评审项“{item.Name}”的步长 {Points(item.Step)} 应在 0 与满分之间（0 表示不限），请更正。");
            }

            if (item.Levels is { Count: > 0 } levels)
            {
                if (levels.Any(l => l < 0 || l > item.MaxPoints) || levels.Distinct().Count() != levels.Count
                    || !levels.SequenceEqual(levels.Order()))
                {
                    Out(field, $"评审项“{item.Name}”的分档应为 0 至满分之间、由低到高、互不相同的分值，请更正。");
                }
            }
            else if (item.Kind == ItemKind.Objective && item.Step == 0)
            {
                Out(field, $"客观评审项“{item.Name}”应量化到分档或步长（{StatutoryRules.Order87}第五十五条：评审因素应当细化和量化），请设置分档或步长。");
            }
        }

        private void PriceWeight(decimal weight)
        {
            if (c.Regime != Regime.Procurement || c.Subject == SubjectKind.Works)
            {
                return;
            }

            var floor = rules.Rule(c.Subject == SubjectKind.Goods
                ? StatutoryRules.ProcurementGoodsPriceWeight
                : StatutoryRules.ProcurementServicesPriceWeight);
            if (weight < floor.Value)
            {
                var what = c.Subject == SubjectKind.Goods ? "货物" : "服务";
                Violations.Add(new CriteriaViolation("PriceWeight",
                    floor.Violation($"{what}项目的价格分值占总分值的比重为 {Percent(weight)}，不得低于 {Percent(floor.Value)}，请提高价格权重",
                        "PriceWeight").Message, floor.Rule.Key, floor.Source));
            }
        }

        private void LowestPrice()
        {
            if (c.Groups.Count > 0)
            {
                Out(nameof(c.Groups), "经评审的最低投标价法（最低评标价法）不打分：请删除评审因素，按招标文件规定的价格调整方法设置价格调整因素。");
            }

            if (c.TechnicalGroup is not null || c.TieBreaks.Contains(TieBreak.HigherTechnicalScore))
            {
                Out(nameof(c.TieBreaks), "经评审的最低投标价法不打技术分，不能以技术得分排序，请删除该排序规则。");
            }
        }

        private void Adjustments()
        {
            if (c.Regime != Regime.Procurement)
            {
                return;
            }

            foreach (var factor in c.Adjustments.Where(f => !f.PolicyDeduction || f.Kind != AdjustmentKind.PercentOfPrice))
            {
                Out($"Adjustments[{factor.Code}]", $"政府采购评标除算术修正和落实政府采购政策进行的价格扣除外，不能对投标报价进行任何调整，"
                    + $"“{factor.Name}”不是按比例的政策性价格扣除，请删除（{StatutoryRules.Order87}第五十四条、第五十五条）。");
            }
        }

        private void Ranking()
        {
            if (c.TieBreaks.Distinct().Count() != c.TieBreaks.Count)
            {
                Out(nameof(c.TieBreaks), "排序规则重复，请删除重复的规则。");
            }

            var lots = c.TieBreaks.ToList().IndexOf(TieBreak.DrawLots);
            if (lots >= 0 && lots != c.TieBreaks.Count - 1)
            {
                Out(nameof(c.TieBreaks), "随机抽取只能作为最后一项排序规则，请调整顺序。");
            }

            if (lots >= 0 && c.Regime == Regime.Tender)
            {
                Out(nameof(c.TieBreaks), "依法必须招标的工程项目不得采用抽签、摇号等方式选择中标候选人，请以招标文件规定的其他因素排序"
                    + $"（{StatutoryRules.Opinions1117}（二））。");
            }

            if (c.TieBreaks.Contains(TieBreak.HigherTechnicalScore) && c.TechnicalGroup is null)
            {
                Out(nameof(c.TechnicalGroup), "以技术得分排序的，请填写技术部分的评审因素编号。");
            }

            if (c.Candidates < 1)
            {
                Out(nameof(c.Candidates), "推荐的中标候选人数量至少为 1 个，请更正。");
            }
            else if (c.Regime == Regime.Tender)
            {
                var max = rules.Rule(StatutoryRules.TenderCandidates);
                if (c.Candidates > max.Value)
                {
                    Violations.Add(new CriteriaViolation(nameof(c.Candidates),
                        max.Violation($"中标候选人应当不超过 {Points(max.Value)} 个，现为 {c.Candidates} 个，请减少", nameof(c.Candidates)).Message,
                        max.Rule.Key, max.Source));
                }
            }
            else if (c.Candidates > EvaluationCriteria.DefaultCandidates)
            {
                Out(nameof(c.Candidates), $"平台按招标文件推荐不超过 {EvaluationCriteria.DefaultCandidates} 个中标候选人，请减少。");
            }
        }

        private void Out(string field, string message) => Violations.Add(new CriteriaViolation(field, message, null, null));
    }
}

/// <summary>One thing wrong with the criteria: the field, the Chinese message, and the statutory rule broken, if any.</summary>
internal sealed record CriteriaViolation(string Field, string Message, string? RuleKey, string? Citation);

/// <summary>The result of checking the criteria: every violation.</summary>
internal sealed record CriteriaAssessment(IReadOnlyList<CriteriaViolation> Violations)
{
    public bool IsValid => Violations.Count == 0;

    /// <summary>Criteria that break a rule are not used: refuses them with every message, by field.</summary>
    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new InputValidationException(Violations
                .GroupBy(v => v.Field, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray(), StringComparer.Ordinal));
        }
    }
}
