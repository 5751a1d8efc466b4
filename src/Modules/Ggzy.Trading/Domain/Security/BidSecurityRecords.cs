namespace Ggzy.Trading.Domain.Security;

/// <summary>
/// The bid security a lot's tender documents ask for, as stored (one row per lot): the amount, the base it is capped on,
/// the forms accepted, the custody account a deposit goes to (the tenderer's choice, R12) and the validity. Checked by
/// <see cref="BidSecurityValidator"/> before it is saved.
/// </summary>
internal sealed class LotSecurityTerms
{
    public Guid LotId { get; init; }

    /// <summary>估算价 or 采购预算 in 元 the cap was counted on.</summary>
    public decimal BaseAmount { get; set; }

    public decimal Amount { get; set; }

    /// <summary>The accepted forms, as a comma-separated list of <see cref="BidSecurityForm"/> names.</summary>
    public required string Forms { get; set; }

    public string? CustodyBank { get; set; }

    public string? CustodyAccountName { get; set; }

    public string? CustodyAccountNumber { get; set; }

    public int ValidityDays { get; set; }

    public int BidValidityDays { get; set; }

    public required string SetBy { get; set; }

    public DateTimeOffset SetAt { get; set; }

    public IReadOnlyList<BidSecurityForm> AcceptedForms() =>
        [.. Forms.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<BidSecurityForm>).Order()];

    public static string Join(IEnumerable<BidSecurityForm> forms) => string.Join(',', forms.Distinct().Order());

    public bool Accepts(BidSecurityForm form) => AcceptedForms().Contains(form);
}

/// <summary>A bank receipt (回单) imported by the center: what the custody account received, and what it was matched to.</summary>
internal sealed class BankReceipt
{
    public Guid Id { get; init; }

    /// <summary>The bank's receipt number; unique, so an import can be repeated.</summary>
    public required string ReceiptNumber { get; init; }

    /// <summary>The account that received the money (the custody account).</summary>
    public required string Account { get; init; }

    public required string PayerName { get; init; }

    public required string PayerAccount { get; init; }

    public decimal Amount { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public required string Remark { get; init; }

    public DateTimeOffset ImportedAt { get; init; }

    public required string ImportedBy { get; init; }

    public ReceiptStatus Status { get; set; }

    /// <summary>Why the receipt was not matched (Chinese), or the reason a staff member gave for matching it by hand.</summary>
    public string? Note { get; set; }

    public Guid? LotId { get; set; }

    public Guid? DepositId { get; set; }
}

/// <summary>Where a receipt stands.</summary>
internal enum ReceiptStatus
{
    /// <summary>自动匹配.</summary>
    Matched = 1,

    /// <summary>未匹配：待人工处理.</summary>
    Unmatched = 2,

    /// <summary>人工匹配.</summary>
    MatchedByHand = 3,
}

/// <summary>A bidder's deposit (现金保证金) for a lot, as the custody account received it.</summary>
internal sealed class BidDeposit
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    public Guid ReceiptId { get; init; }

    public required string CreditCode { get; init; }

    public required string EntityName { get; init; }

    public Guid OrganizationId { get; init; }

    public decimal Amount { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>"platform" for an automatic match, else the staff member's account.</summary>
    public required string MatchedBy { get; init; }

    public DateTimeOffset MatchedAt { get; init; }

    /// <summary>The written notice of withdrawal the bidder gave, if any.</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
}

/// <summary>An electronic guarantee (电子保函) a bidder registered for a lot, with its file in the blob store.</summary>
internal sealed class BidGuarantee
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    public Guid OrganizationId { get; init; }

    public required string CreditCode { get; init; }

    public required string EntityName { get; init; }

    /// <summary>承保机构.</summary>
    public required string Issuer { get; init; }

    /// <summary>保函编号.</summary>
    public required string Number { get; init; }

    public decimal Amount { get; init; }

    public DateOnly ValidFrom { get; init; }

    /// <summary>The last day it is valid (China time).</summary>
    public DateOnly ValidUntil { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public long Size { get; init; }

    /// <summary>The SM3 digest of the file, its id in the blob store.</summary>
    public required string Digest { get; init; }

    public required string RegisteredBy { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }
}

/// <summary>
/// A duty to refund one deposit, with its statutory last day (from <see cref="RefundDuties"/>), or none where the sources
/// give no number of days; closed when the center records the refund.
/// </summary>
internal sealed class DepositRefundDuty
{
    public Guid Id { get; init; }

    public Guid DepositId { get; init; }

    public Guid LotId { get; init; }

    public RefundEvent Event { get; init; }

    public RefundRecipient Recipient { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>The last day (China time); null when no statutory number of days applies.</summary>
    public DateOnly? DueDate { get; init; }

    public required string RuleKey { get; init; }

    public required string Citation { get; init; }

    public required string Description { get; init; }

    public DateOnly? RefundedOn { get; set; }

    public string? BankReference { get; set; }

    public string? RecordedBy { get; set; }

    public DateTimeOffset? RecordedAt { get; set; }
}
