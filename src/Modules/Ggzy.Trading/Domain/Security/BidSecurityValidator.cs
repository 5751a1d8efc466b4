using System.Globalization;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Rules;
using Ggzy.Trading.Domain.Schedule;

namespace Ggzy.Trading.Domain.Security;

/// <summary>
/// Checks the bid security the documents ask for: an amount above zero, in whole 分, not above the cap as it applies
/// in the region (实施条例 第二十六条: 2% of the estimate; 采购条例 第三十三条: 2% of the budget — or a stricter local
/// value); at least one form, and under 政府采购 only non-cash forms (采购条例 第三十三条); a custody account when a
/// deposit is accepted; and, under 工程招标, a validity equal to the bid validity period (实施条例 第二十六条).
/// Returns every violation, as <see cref="ScheduleValidator"/> does.
/// </summary>
internal sealed class BidSecurityValidator(StatutoryTiming timing)
{
    public BidSecurityAssessment Check(BidSecurityTerms terms)
    {
        var violations = new List<BidSecurityViolation>();
        var cap = timing.Rule(terms.Regime == Regime.Tender ? StatutoryRules.TenderBidSecurity : StatutoryRules.ProcurementBidSecurity);
        var baseName = terms.Regime == Regime.Tender ? "招标项目估算价" : "采购项目预算金额";

        if (terms.BaseAmount <= 0)
        {
            violations.Add(Out(nameof(terms.BaseAmount), $"请填写{baseName}（元），投标保证金的上限按其计算。"));
        }

        if (terms.Amount <= 0)
        {
            violations.Add(Out(nameof(terms.Amount), "投标保证金金额须大于 0 元，请更正。"));
        }
        else if (decimal.Round(terms.Amount, 2) != terms.Amount)
        {
            violations.Add(Out(nameof(terms.Amount), $"投标保证金金额 {terms.Amount.ToString(CultureInfo.InvariantCulture)} 元须精确到分，请更正。"));
        }
        else if (terms.BaseAmount > 0)
        {
            var max = decimal.Round(terms.BaseAmount * cap.Value / 100m, 2, MidpointRounding.ToZero);
            if (terms.Amount > max)
            {
                violations.Add(Broken(cap, nameof(terms.Amount),
                    $"投标保证金 {Yuan(terms.Amount)} 超过{baseName} {Yuan(terms.BaseAmount)} 的 {Percent(cap)}，即 {Yuan(max)}，请不高于 {Yuan(max)}"));
            }
        }

        if (terms.AcceptedForms.Count == 0)
        {
            violations.Add(Out(nameof(terms.AcceptedForms), "请至少选择一种投标保证金的提交形式。"));
        }
        else if (terms.Regime == Regime.Procurement && terms.AcceptedForms.Contains(BidSecurityForm.Deposit))
        {
            violations.Add(new BidSecurityViolation(nameof(terms.AcceptedForms),
                StatutoryRules.ProcurementBidSecurity.Violation(
                    "政府采购的投标保证金应当以支票、汇票、本票或者金融机构、担保机构出具的保函等非现金形式提交，不得要求现金保证金，请取消“现金保证金”",
                    nameof(terms.AcceptedForms)).Message,
                StatutoryRules.ProcurementBidSecurity.Key, StatutoryRules.ProcurementBidSecurity.Citation));
        }

        if (terms.AcceptedForms.Contains(BidSecurityForm.Deposit) && string.IsNullOrWhiteSpace(terms.CustodyAccount))
        {
            violations.Add(Out(nameof(terms.CustodyAccount), "接受现金保证金的，请填写投标保证金托管账户。"));
        }

        if (terms.ValidityDays <= 0 || terms.BidValidityDays <= 0)
        {
            violations.Add(Out(nameof(terms.ValidityDays), "请填写投标有效期和投标保证金有效期（日）。"));
        }
        else if (terms.Regime == Regime.Tender && terms.ValidityDays != terms.BidValidityDays)
        {
            var rule = StatutoryRules.TenderBidSecurity;
            violations.Add(new BidSecurityViolation(nameof(terms.ValidityDays),
                rule.Violation($"投标保证金有效期 {terms.ValidityDays} 日与投标有效期 {terms.BidValidityDays} 日不一致，"
                    + $"投标保证金有效期应当与投标有效期一致，请改为 {terms.BidValidityDays} 日", nameof(terms.ValidityDays)).Message,
                rule.Key, rule.Citation));
        }

        return new BidSecurityAssessment(violations);
    }

    /// <summary>An amount in 元 with two decimals: 20,000.00 元.</summary>
    public static string Yuan(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " 元";

    private static string Percent(EffectiveRule rule) => StatutoryRule.Format(rule.Value) + rule.Rule.Unit.Suffix();

    private static BidSecurityViolation Broken(EffectiveRule rule, string field, string problem) =>
        new(field, rule.Violation(problem, field).Message, rule.Rule.Key, rule.Source);

    private static BidSecurityViolation Out(string field, string message) => new(field, message, null, null);
}

/// <summary>One thing wrong with the bid security terms: the field, the Chinese message, and the rule broken, if any.</summary>
internal sealed record BidSecurityViolation(string Field, string Message, string? RuleKey, string? Citation);

/// <summary>The result of checking bid security terms: every violation.</summary>
internal sealed record BidSecurityAssessment(IReadOnlyList<BidSecurityViolation> Violations)
{
    public bool IsValid => Violations.Count == 0;

    /// <summary>Terms that break a rule are not saved: refuses them with every message, by field.</summary>
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
