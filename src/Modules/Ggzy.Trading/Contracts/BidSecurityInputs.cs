namespace Ggzy.Trading.Contracts;

/// <summary>
/// A lot's bid security terms as the tenderer or agency states them: amount in 元, the forms accepted (names:
/// Deposit, Cheque, BankDraft, PromissoryNote, Guarantee, ElectronicGuarantee), the custody account for deposits
/// (R12) and the validity, which must equal the bid validity period under 工程招标.
/// </summary>
public sealed class BidSecurityTermsInput
{
    public decimal? Amount { get; set; }

    public List<string> Forms { get; set; } = [];

    public string? CustodyBank { get; set; }

    public string? CustodyAccountName { get; set; }

    public string? CustodyAccountNumber { get; set; }

    public int? ValidityDays { get; set; }

    public int? BidValidityDays { get; set; }
}

/// <summary>An electronic guarantee (电子保函) a bidder registers; its file is sent alongside.</summary>
public sealed class BidGuaranteeInput
{
    /// <summary>承保机构.</summary>
    public string? Issuer { get; set; }

    /// <summary>保函编号.</summary>
    public string? Number { get; set; }

    public decimal? Amount { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidUntil { get; set; }
}

/// <summary>A receipt the center matches by hand: the lot's trade code, the payer's credit code and the reason.</summary>
public sealed class ReceiptMatchInput
{
    public string? LotTradeCode { get; set; }

    public string? CreditCode { get; set; }

    public string? Reason { get; set; }
}

/// <summary>A refund the center made: the day and the bank's reference.</summary>
public sealed class RefundInput
{
    public DateOnly? RefundedOn { get; set; }

    public string? BankReference { get; set; }
}
