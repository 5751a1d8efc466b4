using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Domain.Security;

namespace Ggzy.Trading.Features.Security;

/// <summary>The lot a bid security belongs to, as every reader may see it.</summary>
internal sealed record SecurityLotView(
    Guid LotId, string TradeCode, string LotName, string ProjectName, Regime Regime, LotState State, DateTimeOffset? Deadline,
    decimal EstimatedAmount);

/// <summary>A lot's terms: forms by name and Chinese label.</summary>
internal sealed record SecurityTermsView(
    decimal Amount, decimal BaseAmount, IReadOnlyList<string> Forms, IReadOnlyList<string> FormLabels, string? CustodyBank,
    string? CustodyAccountName, string? CustodyAccountNumber, int ValidityDays, int BidValidityDays, string SetBy, DateTimeOffset SetAt)
{
    public static SecurityTermsView Of(LotSecurityTerms t)
    {
        var forms = t.AcceptedForms();
        return new SecurityTermsView(t.Amount, t.BaseAmount, [.. forms.Select(f => f.ToString())], [.. forms.Select(f => f.Label())],
            t.CustodyBank, t.CustodyAccountName, t.CustodyAccountNumber, t.ValidityDays, t.BidValidityDays, t.SetBy, t.SetAt);
    }
}

/// <summary>A deposit as its bidder and the custody staff see it.</summary>
internal sealed record DepositView(
    Guid Id, Guid LotId, string CreditCode, string EntityName, decimal Amount, DateTimeOffset ReceivedAt, string MatchedBy,
    DateTimeOffset? WithdrawnAt)
{
    public static DepositView Of(BidDeposit d) =>
        new(d.Id, d.LotId, d.CreditCode, d.EntityName, d.Amount, d.ReceivedAt, d.MatchedBy, d.WithdrawnAt);
}

/// <summary>An electronic guarantee as its bidder and the custody staff see it.</summary>
internal sealed record GuaranteeView(
    Guid Id, Guid LotId, string CreditCode, string EntityName, string Issuer, string Number, decimal Amount, DateOnly ValidFrom,
    DateOnly ValidUntil, string FileName, string Digest, DateTimeOffset RegisteredAt)
{
    public static GuaranteeView Of(BidGuarantee g) =>
        new(g.Id, g.LotId, g.CreditCode, g.EntityName, g.Issuer, g.Number, g.Amount, g.ValidFrom, g.ValidUntil, g.FileName, g.Digest, g.RegisteredAt);
}

/// <summary>
/// A lot's bid security for a reader: the terms, and the securities given — null when the reader may not learn them
/// (the tenderer and agency before the deadline), with <see cref="Notice"/> saying why.
/// </summary>
internal sealed record LotSecurityView(
    SecurityLotView Lot, SecurityTermsView? Terms, IReadOnlyList<DepositView>? Deposits, IReadOnlyList<GuaranteeView>? Guarantees,
    string? Notice);

/// <summary>A receipt as the center sees it.</summary>
internal sealed record ReceiptView(
    Guid Id, string ReceiptNumber, string Account, string PayerName, string PayerAccount, decimal Amount, DateTimeOffset ReceivedAt,
    string Remark, ReceiptStatus Status, string? Note, Guid? LotId, Guid? DepositId, DateTimeOffset ImportedAt)
{
    public static ReceiptView Of(BankReceipt r) => new(r.Id, r.ReceiptNumber, r.Account, r.PayerName, r.PayerAccount, r.Amount,
        r.ReceivedAt, r.Remark, r.Status, r.Note, r.LotId, r.DepositId, r.ImportedAt);
}

/// <summary>What an import did: receipts new and skipped (imported before), and how the new ones matched.</summary>
internal sealed record ReceiptImportResult(int Imported, int Skipped, int Matched, int Unmatched);

/// <summary>A refund duty and where it stands now.</summary>
internal sealed record RefundDutyView(
    Guid Id, Guid DepositId, Guid LotId, string LotTradeCode, string EntityName, decimal Amount, RefundEvent Event,
    DateTimeOffset OccurredAt, DateOnly? DueDate, string Citation, string Description, RefundDutyState State, string Message,
    DateOnly? RefundedOn, string? BankReference, decimal? Interest = null, string? InterestNote = null);

/// <summary>Where a stored refund duty stands.</summary>
internal enum RefundDutyState
{
    /// <summary>未到期.</summary>
    NotDue = 1,

    /// <summary>即将到期.</summary>
    Due = 2,

    /// <summary>已逾期.</summary>
    Late = 3,

    /// <summary>无法定日数：应当及时退还.</summary>
    NoDeadline = 4,

    /// <summary>已退还.</summary>
    Refunded = 5,
}
