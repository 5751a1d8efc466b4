using System.ComponentModel.DataAnnotations;

namespace Ggzy.Credit.Domain;

/// <summary>
/// The credit grade formula's numbers, bound from <c>Credit:Grade</c> (docs/credit-grade.md). The defaults are the
/// platform's; a city may set its own in configuration.
/// </summary>
internal sealed class CreditGradeOptions
{
    public const string SectionName = "Credit:Grade";

    [Range(0, 1000)]
    public decimal BaseScore { get; set; } = 100;

    /// <summary>Only records decided within this many months before the instant count.</summary>
    [Range(1, 240)]
    public int LookBackMonths { get; set; } = 36;

    [Range(0, 1000)]
    public decimal PenaltyDeduction { get; set; } = 10;

    [Range(0, 1000)]
    public decimal ViolationDeduction { get; set; } = 15;

    /// <summary>For a debarment that has ended (one in force gives grade D whatever the score).</summary>
    [Range(0, 1000)]
    public decimal EndedDebarmentDeduction { get; set; } = 20;

    [Range(0, 1000)]
    public decimal RewardBonus { get; set; } = 5;

    [Range(0, 1000)]
    public decimal PerformanceBonus { get; set; } = 2;

    /// <summary>Bonuses together add at most this much.</summary>
    [Range(0, 1000)]
    public decimal MaxBonus { get; set; } = 10;

    /// <summary>Lowest score of grade A; B and C likewise; below C is D.</summary>
    [Range(0, 10000)]
    public decimal GradeA { get; set; } = 90;

    [Range(0, 10000)]
    public decimal GradeB { get; set; } = 75;

    [Range(0, 10000)]
    public decimal GradeC { get; set; } = 60;
}
