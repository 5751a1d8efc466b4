using Ggzy.Platform.Errors;

namespace Ggzy.Platform.Rules;

/// <summary>Checks a proposed local override: a region may tighten a statutory rule but never loosen it.</summary>
internal static class RuleOverrideValidator
{
    public static BusinessRuleException UnknownKey(string? key) =>
        new($"法定规则目录中没有“{key}”，请从目录中选择要设定的规则。", field: "RuleKey");

    public static BusinessRuleException InvalidRegion(string? code) =>
        new($"行政区划代码“{code}”不正确：须为 6 位数字（GB/T 2260），例如 120000（天津市）、120101（天津市和平区）。", field: "RegionCode");

    public static string CheckBasis(string? basis)
    {
        var trimmed = basis?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > 300
            ? throw new BusinessRuleException(
                "请填写地方设定的依据（300 字以内）：地方性法规、规章或规范性文件的名称及条款，例如《某市公共资源交易管理办法》第十二条。",
                field: "Basis")
            : trimmed;
    }

    public static void CheckValue(StatutoryRule rule, decimal value)
    {
        var unit = rule.Unit.Suffix();
        if (value < 0)
        {
            throw new BusinessRuleException($"{rule.Name}不能为负数，请填写地方规定的数值。", rule.Citation, "Value");
        }

        if (rule.Unit is RuleUnit.CalendarDays or RuleUnit.WorkingDays or RuleUnit.Count or RuleUnit.Years && value != decimal.Truncate(value))
        {
            throw new BusinessRuleException($"{rule.Name}须为整数（单位：{unit.Trim()}），请更正。", rule.Citation, "Value");
        }

        if (rule.Unit == RuleUnit.Percent && value > 100)
        {
            throw new BusinessRuleException($"{rule.Name}是百分比，不能超过 100%，请更正。", rule.Citation, "Value");
        }

        if (!rule.AllowsOverride(value))
        {
            var bound = rule.Direction == RuleDirection.Minimum ? "不小于" : "不大于";
            throw rule.Violation(
                $"地方设定只能比国家规定更严格，不能放宽：{rule.Name}国家规定为{rule.Describe(rule.Value)}，填写的 " +
                $"{StatutoryRule.Format(value)}{unit} 放宽了该规定，请填写{bound} {StatutoryRule.Format(rule.Value)}{unit} 的数值",
                "Value");
        }
    }
}
