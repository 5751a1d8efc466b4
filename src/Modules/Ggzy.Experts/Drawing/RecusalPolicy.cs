using System.ComponentModel.DataAnnotations;
using Ggzy.Experts.Contracts;

namespace Ggzy.Experts.Drawing;

/// <summary>
/// The recusal settings of a center (section <c>Experts:Recusal</c>, docs/expert-draw.md §2): the look-back for former
/// employment (at least the 3 years of 采购条例 第九条), the limit of evaluations for the same tenderer in a window,
/// and the center's own rules.
/// </summary>
internal sealed class RecusalOptions
{
    public const string SectionName = "Experts:Recusal";

    [Range(3, 20)]
    public int FormerEmploymentYears { get; set; } = 3;

    /// <summary>At most this many evaluations for the same tenderer within <see cref="WindowDays"/>; null: no limit.</summary>
    [Range(1, 1000)]
    public int? MaxEvaluationsForSameTenderer { get; set; } = 3;

    [Range(1, 3660)]
    public int WindowDays { get; set; } = 365;

    [Required]
    public string FrequencyBasis { get; set; } = "交易中心专家抽取规则：同一专家在规定期间内为同一招标人（采购人）评标的次数不得超过限额";

    public List<CenterRecusalRule> CenterRules { get; set; } = [];
}

/// <summary>
/// One rule a center adds (docs/expert-draw.md §2.3): an expert is excluded when the rule applies to the lot's regime
/// and the expert's region is covered by one of <see cref="Regions"/> (6-digit codes: a city code covers its counties),
/// or is the project's own region when <see cref="SameRegionAsProject"/> is set, or the expert's current employer is one
/// of <see cref="Employers"/> (credit codes).
/// </summary>
internal sealed class CenterRecusalRule
{
    /// <summary>A short stable code, e.g. <c>same-district</c>; the exclusion's code is <c>center:</c> and this.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,31}$")]
    public string Code { get; set; } = "";

    [Required]
    public string Name { get; set; } = "";

    /// <summary>The center's rule or decision this rests on, cited with every exclusion.</summary>
    [Required]
    public string Basis { get; set; } = "";

    public DrawRegime? Regime { get; set; }

    public List<string> Regions { get; set; } = [];

    public bool SameRegionAsProject { get; set; }

    public List<string> Employers { get; set; } = [];
}

/// <summary>The check of the center's rules at start-up: a code, a name, a basis, and valid region and credit codes.</summary>
internal static class CenterRecusalRules
{
    public const string Invalid =
        "Experts:Recusal:CenterRules: each rule needs a Code (lowercase letters, digits, '-'), a Name and a Basis; Regions are 6-digit region codes, Employers 18-character credit codes.";

    public static bool IsValid(CenterRecusalRule rule) =>
        System.Text.RegularExpressions.Regex.IsMatch(rule.Code, "^[a-z0-9][a-z0-9-]{0,31}$")
        && !string.IsNullOrWhiteSpace(rule.Name) && !string.IsNullOrWhiteSpace(rule.Basis)
        && rule.Regions.All(Ggzy.Platform.Rules.RegionCodes.IsValid)
        && rule.Employers.All(e => e.Length == 18);
}
