using System.Text.Json;
using System.Text.Json.Serialization;
using Ggzy.Sealing;
using Ggzy.Trading.Domain.Schedule;

namespace Ggzy.Trading.Domain.Evaluation;

/// <summary>
/// The evaluation criteria the tender documents define (评标办法), as a versioned record <c>ggzy.evaluation-criteria.v1</c>:
/// the method, the regime and the subject, the scored groups (评审因素) with their weights and items, the price adjustments
/// the documents allow, how member scores are aggregated, the rounding, the tie-breaks, the number of candidates and the
/// 畸高畸低 threshold of the before-report checks. Checked by <see cref="CriteriaValidator"/>; docs/evaluation.md §1.
/// </summary>
/// <remarks>
/// Scores are in points out of <see cref="FullMarks"/> (100). A group's weight is its share of the total in percent and
/// equals the sum of its items' maximum points, so that 87号令 第五十五条's 评标总得分 = F1×A1 + … + Fn×An (Fi out of 100,
/// Ai its weight) is the plain sum of the groups' points. <see cref="Revision"/> counts the documents' own versions (a
/// clarification that changes the criteria makes a new revision); <see cref="Format"/> is the record's layout.
/// </remarks>
internal sealed record EvaluationCriteria(
    string Format,
    int Revision,
    Regime Regime,
    SubjectKind Subject,
    EvaluationMethod Method,
    IReadOnlyList<CriteriaGroup> Groups,
    IReadOnlyList<PriceAdjustmentFactor> Adjustments,
    ScoreAggregation Aggregation,
    int Decimals,
    IReadOnlyList<TieBreak> TieBreaks,
    string? TechnicalGroup,
    int Candidates,
    decimal DeviationThresholdPercent)
{
    public const string FormatV1 = "ggzy.evaluation-criteria.v1";

    /// <summary>满分: every comprehensive scoring is out of 100 points (87号令 第五十五条's ×100).</summary>
    public const decimal FullMarks = 100m;

    /// <summary>Points are rounded to this many places unless the documents say otherwise (四舍五入).</summary>
    public const int DefaultDecimals = 2;

    /// <summary>
    /// The platform's default 畸高畸低 threshold: a member's score on a subjective item that differs from the other members'
    /// mean by more than this share of the item's maximum. No national rule gives a number (87号令 第六十四条 and 1117号 (五)
    /// name the check only); the documents or a local rule may set another.
    /// </summary>
    public const decimal DefaultDeviationThresholdPercent = 20m;

    public const int DefaultCandidates = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        WriteIndented = false,
    };

    /// <summary>Every item of every group, in order.</summary>
    public IEnumerable<CriteriaItem> Items => Groups.SelectMany(g => g.Items);

    /// <summary>The scored items the members score themselves (every item but the price, which the platform computes).</summary>
    public IEnumerable<CriteriaItem> MemberItems => Items.Where(i => i.Kind != ItemKind.Price);

    /// <summary>The price item of a comprehensive scoring, if the criteria have one.</summary>
    public CriteriaItem? PriceItem => Items.FirstOrDefault(i => i.Kind == ItemKind.Price);

    public CriteriaGroup GroupOf(CriteriaItem item) => Groups.First(g => g.Items.Contains(item));

    public CriteriaItem? Item(string code) => Items.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.Ordinal));

    /// <summary>The UTF-8 JSON of the record, as stored with the documents and cited in the report by its SM3.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>SM3 of <see cref="ToJson"/>, lowercase hex: what the report and the Ledger name the criteria by.</summary>
    public string Digest() => Sm3.HashHex(System.Text.Encoding.UTF8.GetBytes(ToJson()));

    /// <summary>Reads a record written by <see cref="ToJson"/>; null with the reason (Chinese) when it is not one.</summary>
    public static (EvaluationCriteria? Criteria, string? Problem) Parse(string json)
    {
        try
        {
            var criteria = JsonSerializer.Deserialize<EvaluationCriteria>(json, Json);
            if (criteria is null || !string.Equals(criteria.Format, FormatV1, StringComparison.Ordinal))
            {
                return (null, $"评标办法不是 {FormatV1} 格式（format 字段缺失或不符）。");
            }

            return criteria.Groups is null || criteria.Adjustments is null || criteria.TieBreaks is null
                || criteria.Groups.Any(g => g?.Items is null)
                ? (null, "评标办法缺少 groups、items、adjustments 或 tieBreaks。")
                : (criteria, null);
        }
        catch (JsonException e)
        {
            return (null, $"评标办法不是有效的 {FormatV1} JSON：{e.Message}");
        }
    }
}

/// <summary>评标方法.</summary>
internal enum EvaluationMethod
{
    /// <summary>综合评估法（工程，12号令 第三十五条）/ 综合评分法（政府采购，87号令 第五十五条）.</summary>
    Comprehensive = 1,

    /// <summary>经评审的最低投标价法（工程，12号令 第三十条）/ 最低评标价法（政府采购，87号令 第五十四条）.</summary>
    LowestEvaluatedPrice = 2,
}

/// <summary>What is bought: it decides the procurement price-weight floor (87号令 第五十五条).</summary>
internal enum SubjectKind
{
    /// <summary>工程.</summary>
    Works = 1,

    /// <summary>货物: price weight ≥ 30 %.</summary>
    Goods = 2,

    /// <summary>服务: price weight ≥ 10 %.</summary>
    Services = 3,
}

/// <summary>How an item is scored.</summary>
internal enum ItemKind
{
    /// <summary>客观评审因素: a fact in the bid decides the score, so every member must give the same one (87号令 第六十四条（三）).</summary>
    Objective = 1,

    /// <summary>主观评审因素: each member's professional judgement, scored independently (87号令 第六十二条（四）: not by agreement).</summary>
    Subjective = 2,

    /// <summary>价格分: computed by the platform from the valid prices, never entered by a member.</summary>
    Price = 3,
}

/// <summary>How the members' scores of a bid become the committee's.</summary>
internal enum ScoreAggregation
{
    /// <summary>The arithmetic mean of every member's score; the only one allowed in 政府采购.</summary>
    Mean = 1,

    /// <summary>The mean after dropping one highest and one lowest member score; only where the (工程) documents say so.</summary>
    MeanWithoutExtremes = 2,
}

/// <summary>What separates bids with the same result, in the order the documents list them.</summary>
internal enum TieBreak
{
    /// <summary>The lower bid price (the binding price, before adjustments) ranks first (87号令 第五十七条).</summary>
    LowerPrice = 1,

    /// <summary>The higher score of <see cref="EvaluationCriteria.TechnicalGroup"/> ranks first.</summary>
    HigherTechnicalScore = 2,

    /// <summary>
    /// A recorded random draw (抽签) among the still tied — 政府采购 only (87号令 第六十八条); 工程 documents may not
    /// choose candidates by lot (1117号 (二)).
    /// </summary>
    DrawLots = 3,
}

/// <summary>How an adjustment to the price is stated.</summary>
internal enum AdjustmentKind
{
    /// <summary>An amount in 元, added (positive) or deducted (negative).</summary>
    Amount = 1,

    /// <summary>A percentage of the binding bid price, added (positive) or deducted (negative).</summary>
    PercentOfPrice = 2,
}

/// <summary>
/// 评审因素: a group of items with its weight — its share of the 100 points, in percent; the price group has the single
/// price item.
/// </summary>
internal sealed record CriteriaGroup(string Code, string Name, decimal Weight, IReadOnlyList<CriteriaItem> Items);

/// <summary>
/// One scored item: its maximum points and its scale — any multiple of <see cref="Step"/> from 0 to the maximum (0 = any
/// value to the criteria's decimals), or only the listed <see cref="Levels"/> (the documents' 档次, 87号令 第五十五条:
/// 量化到相应区间，并设置各区间对应的不同分值).
/// </summary>
internal sealed record CriteriaItem(
    string Code,
    string Name,
    ItemKind Kind,
    decimal MaxPoints,
    decimal Step = 0,
    IReadOnlyList<decimal>? Levels = null,
    string? Guidance = null)
{
    /// <summary>Whether <paramref name="points"/> is a score this item's scale allows.</summary>
    public bool OnScale(decimal points, int decimals)
    {
        if (points < 0 || points > MaxPoints || decimal.Round(points, decimals) != points)
        {
            return false;
        }

        if (Levels is { Count: > 0 } levels)
        {
            return levels.Contains(points);
        }

        return Step <= 0 || points % Step == 0 || points == MaxPoints;
    }

    /// <summary>The scale in words: 0–10 分，步长 0.5 / 可选分值 0、2、4、6.</summary>
    public string ScaleText() => Levels is { Count: > 0 } levels
        ? "可选分值 " + string.Join("、", levels.Select(Figures.Points)) + " 分"
        : $"0–{Figures.Points(MaxPoints)} 分" + (Step > 0 ? $"，步长 {Figures.Points(Step)}" : "");
}

/// <summary>
/// An adjustment the documents allow to the price (评标价格调整方法, 12号令 第三十二条): the committee enters each bid's value.
/// In 政府采购 only the 价格扣除 that carries out a procurement policy is allowed (<see cref="PolicyDeduction"/>, 87号令
/// 第五十四条、第五十五条).
/// </summary>
internal sealed record PriceAdjustmentFactor(string Code, string Name, AdjustmentKind Kind, bool PolicyDeduction = false);
