using Ggzy.Trading.Domain.Evaluation;
using Ggzy.Trading.Domain.Schedule;

namespace Ggzy.Trading.Tests.Evaluation;

/// <summary>
/// The worked example of docs/evaluation.md §2: a 政府采购 goods tender scored by five members — price 30, technical 50
/// (技术方案 subjective 30, 参数响应 objective 20 in levels of 5), business 20 (业绩 objective 10 in levels of 2, 售后服务
/// subjective 10); bids A 1,000,000, B 950,000, C 1,100,000 with a 10 % policy deduction.
/// </summary>
internal static class Scenario
{
    public static readonly CommitteeMember[] Members =
    [
        new(Guid.Parse("00000000-0000-0000-0000-0000000000e1"), "评委甲"),
        new(Guid.Parse("00000000-0000-0000-0000-0000000000e2"), "评委乙"),
        new(Guid.Parse("00000000-0000-0000-0000-0000000000e3"), "评委丙"),
        new(Guid.Parse("00000000-0000-0000-0000-0000000000e4"), "评委丁"),
        new(Guid.Parse("00000000-0000-0000-0000-0000000000e5"), "评委戊"),
    ];

    public static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    public static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    public static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    public static EvaluationCriteria Procurement(
        SubjectKind subject = SubjectKind.Goods,
        decimal priceWeight = 30,
        ScoreAggregation aggregation = ScoreAggregation.Mean,
        IReadOnlyList<TieBreak>? tieBreaks = null) =>
        new(EvaluationCriteria.FormatV1, 1, Regime.Procurement, subject, EvaluationMethod.Comprehensive,
        [
            new CriteriaGroup("P", "价格", priceWeight, [new CriteriaItem("P1", "投标报价", ItemKind.Price, priceWeight)]),
            new CriteriaGroup("T", "技术", 50 + (30 - priceWeight),
            [
                new CriteriaItem("T1", "技术方案", ItemKind.Subjective, 30 + (30 - priceWeight), Step: 0.5m),
                new CriteriaItem("T2", "参数响应", ItemKind.Objective, 20, Levels: [0, 5, 10, 15, 20]),
            ]),
            new CriteriaGroup("B", "商务", 20,
            [
                new CriteriaItem("B1", "业绩", ItemKind.Objective, 10, Levels: [0, 2, 4, 6, 8, 10]),
                new CriteriaItem("B2", "售后服务", ItemKind.Subjective, 10, Step: 0.5m),
            ]),
        ],
        [new PriceAdjustmentFactor("SME", "小微企业价格扣除", AdjustmentKind.PercentOfPrice, PolicyDeduction: true)],
        aggregation, EvaluationCriteria.DefaultDecimals, tieBreaks ?? [TieBreak.LowerPrice], "T", EvaluationCriteria.DefaultCandidates,
        EvaluationCriteria.DefaultDeviationThresholdPercent);

    /// <summary>The same scoring under 工程招标 (no price-weight floor; the documents may drop extremes).</summary>
    public static EvaluationCriteria Tender(ScoreAggregation aggregation = ScoreAggregation.Mean, IReadOnlyList<TieBreak>? tieBreaks = null) =>
        Procurement(aggregation: ScoreAggregation.Mean, tieBreaks: tieBreaks) with
        {
            Regime = Regime.Tender,
            Subject = SubjectKind.Works,
            Aggregation = aggregation,
            Adjustments = [],
        };

    public static List<EvaluatedBid> Bids() =>
    [
        new(A, "甲公司", 1_000_000m),
        new(B, "乙公司", 950_000m),
        new(C, "丙公司", 1_100_000m),
    ];

    public static PriceAdjustment[] SmeDeduction => [new(C, "SME", -10m, "丙公司为小型企业，按招标文件给予 10% 的价格扣除")];

    /// <summary>Per bid, per item, the five members' points (docs/evaluation.md §2).</summary>
    public static readonly Dictionary<Guid, Dictionary<string, decimal[]>> Points = new()
    {
        [A] = new() { ["T1"] = [24, 25, 26, 24.5m, 25.5m], ["T2"] = [15, 15, 15, 15, 15], ["B1"] = [8, 8, 8, 8, 8], ["B2"] = [7, 8, 7.5m, 8, 7.5m] },
        [B] = new() { ["T1"] = [20, 21, 22, 21, 20], ["T2"] = [10, 10, 10, 10, 10], ["B1"] = [6, 6, 6, 6, 6], ["B2"] = [6, 6.5m, 6, 7, 6.5m] },
        [C] = new() { ["T1"] = [27, 27.5m, 26.5m, 28, 27], ["T2"] = [20, 20, 20, 20, 20], ["B1"] = [10, 10, 10, 10, 10], ["B2"] = [9, 9, 8.5m, 9.5m, 9] },
    };

    public static List<ScoreSheet> Sheets(Action<Dictionary<Guid, Dictionary<string, decimal[]>>>? change = null)
    {
        var points = Points.ToDictionary(p => p.Key, p => p.Value.ToDictionary(i => i.Key, i => i.Value.ToArray()));
        change?.Invoke(points);
        return
        [
            .. from bid in points
               from m in Enumerable.Range(0, Members.Length)
               select new ScoreSheet(Members[m].Id, bid.Key, bid.Value.ToDictionary(i => i.Key, i => i.Value[m])),
        ];
    }

    public static EvaluationOutcome Evaluate(EvaluationCriteria? criteria = null, IReadOnlyList<EvaluatedBid>? bids = null,
        IReadOnlyList<ScoreSheet>? sheets = null, IReadOnlyList<PriceAdjustment>? adjustments = null, ILotDrawer? drawer = null) =>
        BidComparison.Evaluate(criteria ?? Procurement(), bids ?? Bids(), Members, sheets ?? Sheets(), adjustments ?? SmeDeduction, drawer);

    /// <summary>A drawer that returns the given order, recorded as a test draw.</summary>
    public sealed class FixedDraw(params Guid[] order) : ILotDrawer
    {
        public int Calls { get; private set; }

        public LotDraw Draw(IReadOnlyList<Guid> tied)
        {
            Calls++;
            return new LotDraw([.. order.Where(tied.Contains)], "测试抽签", new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8)), "host");
        }
    }
}
