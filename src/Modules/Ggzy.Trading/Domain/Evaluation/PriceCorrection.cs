using Ggzy.Platform.Rules;
using Ggzy.Trading.Domain.Schedule;
using static Ggzy.Trading.Domain.Evaluation.Figures;

namespace Ggzy.Trading.Domain.Evaluation;

/// <summary>
/// What a bid says about its price, as the committee reads it: the 开标一览表's total in figures (read out at the opening)
/// and in words, the total stated elsewhere in the bid (投标函 or the priced schedule's summary), and the priced lines.
/// </summary>
internal sealed record QuotedPrice(
    decimal SheetTotal,
    string? SheetTotalInWords = null,
    decimal? BodyTotal = null,
    IReadOnlyList<PriceLine>? Lines = null);

/// <summary>A priced line: quantity × unit price should equal its stated total.</summary>
internal sealed record PriceLine(string Name, decimal Quantity, decimal UnitPrice, decimal StatedTotal)
{
    public decimal Computed => Fen(Quantity * UnitPrice);
}

/// <summary>Which arithmetic rule a correction applied.</summary>
internal enum CorrectionRule
{
    /// <summary>The 开标一览表 prevails over the rest of the bid (87号令 第五十九条第一款第（一）项).</summary>
    SheetPrevails = 1,

    /// <summary>The amount in words prevails over the figures (87号令 第五十九条（二）; 12号令 第十九条).</summary>
    WordsPrevail = 2,

    /// <summary>A unit price's decimal point is obviously misplaced: the total stands and the unit price is corrected (87号令 第五十九条（三）; 12号令 第十九条).</summary>
    MisplacedDecimal = 3,

    /// <summary>The total differs from the sum of the unit prices: the unit prices prevail (87号令 第五十九条（四）; 12号令 第十九条).</summary>
    UnitPricesPrevail = 4,

    /// <summary>The bid states two totals and no rule of the law decides between them: the documents' rule or a clarification does (工程).</summary>
    NeedsClarification = 5,
}

/// <summary>One correction: the rule, what it changed (a line or the total), from and to, and the reason with its article.</summary>
internal sealed record CorrectionStep(CorrectionRule Rule, string Target, decimal? From, decimal? To, string Reason);

/// <summary>
/// The arithmetic correction of one bid's price (算术修正), T35: the corrected price and every step with its reason. It
/// binds only once the bidder confirms it (<see cref="PriceCorrection"/>).
/// </summary>
internal sealed record CorrectionProposal(
    decimal ReadOutPrice,
    decimal CorrectedPrice,
    IReadOnlyList<CorrectionStep> Steps,
    IReadOnlyList<PriceLine> CorrectedLines,
    string? Unresolved)
{
    /// <summary>Whether anything needs the bidder's confirmation: some step changed a figure.</summary>
    public bool Changes => Steps.Any(s => s.From != s.To);
}

/// <summary>
/// Applies the arithmetic correction rules in their statutory order, "除招标文件另有规定外".
/// 政府采购 (87号令 第五十九条): (一) 开标一览表 over the rest of the bid; (二) words over figures; (三) a unit price with an
/// obviously misplaced decimal point is corrected to the total; (四) the total follows the unit prices. 工程
/// (12号令 第十九条, V-curated): words over figures; the unit prices over the total, unless a unit price's decimal point is
/// obviously wrong. Docs: docs/evaluation.md §4.
/// </summary>
internal static class PriceCorrector
{
    public const string ProcurementArticle = StatutoryRules.Order87 + "第五十九条";
    public const string TenderArticle = StatutoryRules.Order12 + "第十九条";

    public static CorrectionProposal Propose(Regime regime, QuotedPrice quoted)
    {
        var steps = new List<CorrectionStep>();
        var article = regime == Regime.Procurement ? ProcurementArticle : TenderArticle;
        var price = quoted.SheetTotal;
        string? unresolved = null;

        if (quoted.BodyTotal is { } body && body != quoted.SheetTotal)
        {
            steps.Add(regime == Regime.Procurement
                ? new CorrectionStep(CorrectionRule.SheetPrevails, "总价", body, quoted.SheetTotal,
                    $"投标文件中载明的总价 {Yuan(body)} 与开标一览表（报价表）的 {Yuan(quoted.SheetTotal)} 不一致，以开标一览表为准（{article}第一款第（一）项）。")
                : new CorrectionStep(CorrectionRule.NeedsClarification, "总价", body, null,
                    $"投标函载明的总价 {Yuan(body)} 与开标一览表的 {Yuan(quoted.SheetTotal)} 不一致：按招标文件的规定认定，招标文件未规定的，请投标人澄清（{article}）。"));
            if (regime == Regime.Tender)
            {
                unresolved = "投标函与开标一览表的总价不一致，须按招标文件规定认定或经投标人澄清。";
            }
        }

        if (quoted.SheetTotalInWords is { Length: > 0 } words)
        {
            var (parsed, problem) = ChineseAmount.Parse(words);
            if (parsed is not { } inWords)
            {
                unresolved = $"{problem}请投标人澄清（{article}）。";
            }
            else if (inWords != price)
            {
                steps.Add(new CorrectionStep(CorrectionRule.WordsPrevail, "总价", price, inWords,
                    $"大写金额“{words}”（{Yuan(inWords)}）与小写金额 {Yuan(price)} 不一致，以大写金额为准（{article}" + Clause(regime, "（二）") + "）。"));
                price = inWords;
            }
        }

        var lines = (quoted.Lines ?? []).ToList();
        if (lines.Count > 0)
        {
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line.Computed == line.StatedTotal || line.Quantity <= 0)
                {
                    continue;
                }

                if (MisplacedDecimal(line) is { } unit)
                {
                    steps.Add(new CorrectionStep(CorrectionRule.MisplacedDecimal, line.Name, line.UnitPrice, unit,
                        $"“{line.Name}”单价 {Yuan(line.UnitPrice)} × 数量 {Points(line.Quantity)} 与其合价 {Yuan(line.StatedTotal)} 相差整十倍，"
                        + $"单价小数点明显错位，以合价为准，单价修正为 {Yuan(unit)}（{article}" + Clause(regime, "（三）") + "）。"));
                    lines[i] = line with { UnitPrice = unit };
                }
                else
                {
                    steps.Add(new CorrectionStep(CorrectionRule.UnitPricesPrevail, line.Name, line.StatedTotal, line.Computed,
                        $"“{line.Name}”合价 {Yuan(line.StatedTotal)} 与单价 {Yuan(line.UnitPrice)} × 数量 {Points(line.Quantity)} = {Yuan(line.Computed)} 不一致，"
                        + $"以单价计算结果为准（{article}" + Clause(regime, "（四）") + "）。"));
                    lines[i] = line with { StatedTotal = line.Computed };
                }
            }

            var sum = lines.Sum(l => l.StatedTotal);
            if (sum != price)
            {
                steps.Add(new CorrectionStep(CorrectionRule.UnitPricesPrevail, "总价", price, sum,
                    $"总价 {Yuan(price)} 与按单价汇总的 {Yuan(sum)} 不一致，以单价金额计算结果为准（{article}" + Clause(regime, "（四）") + "）。"));
                price = sum;
            }
        }

        return new CorrectionProposal(quoted.SheetTotal, price, steps, lines, unresolved);
    }

    // Quantity × unit price is 10^k times the line's total (k ≠ 0, |k| ≤ 4): the decimal point of the unit price slipped.
    private static decimal? MisplacedDecimal(PriceLine line)
    {
        for (var k = -4; k <= 4; k++)
        {
            if (k == 0)
            {
                continue;
            }

            var factor = k > 0 ? Pow10(k) : 1m / Pow10(-k);
            var unit = line.UnitPrice * factor;
            if (Fen(line.Quantity * unit) == line.StatedTotal && line.StatedTotal != 0)
            {
                return unit;
            }
        }

        return null;
    }

    private static decimal Pow10(int k)
    {
        var result = 1m;
        for (var i = 0; i < k; i++)
        {
            result *= 10;
        }

        return result;
    }

    private static string Clause(Regime regime, string item) => regime == Regime.Procurement ? "第一款第" + item + "项" : "";
}

/// <summary>Where a price correction stands: proposed by the committee, then confirmed or declined by the bidder online.</summary>
internal enum CorrectionState
{
    /// <summary>待投标人确认.</summary>
    Proposed = 1,

    /// <summary>投标人已确认: the corrected price binds.</summary>
    Confirmed = 2,

    /// <summary>投标人不确认.</summary>
    Declined = 3,
}

/// <summary>
/// A correction put to the bidder: it binds only after the bidder confirms it (87号令 第五十九条第二款、第五十一条第二款;
/// 12号令 第十九条). A bidder that declines: under 政府采购 its bid is invalid (87号令 第五十九条); under 工程招标 the committee
/// may reject it (12号令 第二十二条: 拒不按照要求对投标文件进行……补正的).
/// </summary>
internal sealed class PriceCorrection(Regime regime, CorrectionProposal proposal)
{
    public Regime Regime { get; } = regime;

    public CorrectionProposal Proposal { get; } = proposal;

    public CorrectionState State { get; private set; } = CorrectionState.Proposed;

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    /// <summary>The price that binds: the corrected one once confirmed; none while proposed or when declined.</summary>
    public decimal? BindingPrice => State == CorrectionState.Confirmed ? Proposal.CorrectedPrice : null;

    /// <summary>Under 政府采购 a declined correction makes the bid invalid; under 工程招标 the committee may reject it.</summary>
    public bool InvalidatesBid => State == CorrectionState.Declined && Regime == Regime.Procurement;

    public void Confirm(string by, DateTimeOffset at) => Decide(CorrectionState.Confirmed, by, at);

    public void Decline(string by, DateTimeOffset at) => Decide(CorrectionState.Declined, by, at);

    /// <summary>What follows from the bidder's answer, in Chinese with the article.</summary>
    public string Consequence() => State switch
    {
        CorrectionState.Proposed => $"修正后的报价 {Yuan(Proposal.CorrectedPrice)} 待投标人确认，确认后产生约束力。",
        CorrectionState.Confirmed => $"投标人已确认修正后的报价 {Yuan(Proposal.CorrectedPrice)}，该报价对投标人具有约束力。",
        CorrectionState.Declined when Regime == Regime.Procurement =>
            $"投标人不确认修正后的报价，其投标无效（{PriceCorrector.ProcurementArticle}）。",
        CorrectionState.Declined =>
            $"投标人拒不确认修正后的报价，评标委员会可以否决其投标（{StatutoryRules.Order12}第二十二条）。",
        _ => throw new InvalidOperationException(),
    };

    private void Decide(CorrectionState state, string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (State != CorrectionState.Proposed)
        {
            throw new InvalidOperationException($"The correction was already {State}.");
        }

        State = state;
        DecidedBy = by;
        DecidedAt = at;
    }
}
