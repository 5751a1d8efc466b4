using Ggzy.Trading.Domain.Schedule;

namespace Ggzy.Trading.Domain.Security;

/// <summary>
/// The bid security (投标保证金) the documents ask for: the amount in 元, the forms a bidder may choose from, the custody
/// account a deposit goes to (the tenderer's choice unless a rule fixes it), and how long it stays valid — which must be
/// the bid validity period. <see cref="BaseAmount"/> is the estimate (工程估算价) or the budget (采购预算金额) the cap is
/// counted on.
/// </summary>
internal sealed record BidSecurityTerms(
    Regime Regime,
    decimal BaseAmount,
    decimal Amount,
    IReadOnlyList<BidSecurityForm> AcceptedForms,
    string? CustodyAccount,
    int ValidityDays,
    int BidValidityDays);

/// <summary>How a bid security may be given.</summary>
internal enum BidSecurityForm
{
    /// <summary>现金保证金：转入托管账户.</summary>
    Deposit = 1,

    /// <summary>支票.</summary>
    Cheque = 2,

    /// <summary>汇票.</summary>
    BankDraft = 3,

    /// <summary>本票.</summary>
    PromissoryNote = 4,

    /// <summary>金融机构或者担保机构出具的纸质保函.</summary>
    Guarantee = 5,

    /// <summary>电子保函.</summary>
    ElectronicGuarantee = 6,
}

/// <summary>The Chinese names of the forms.</summary>
internal static class BidSecurityForms
{
    public static string Label(this BidSecurityForm form) => form switch
    {
        BidSecurityForm.Deposit => "现金保证金（转入托管账户）",
        BidSecurityForm.Cheque => "支票",
        BidSecurityForm.BankDraft => "汇票",
        BidSecurityForm.PromissoryNote => "本票",
        BidSecurityForm.Guarantee => "保函",
        BidSecurityForm.ElectronicGuarantee => "电子保函",
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };
}
