namespace Ggzy.Experts.Contracts;

/// <summary>Which law governs a lot's evaluation committee.</summary>
public enum DrawRegime
{
    /// <summary>工程建设项目招标投标（《招标投标法》及其实施条例）.</summary>
    Tender = 1,

    /// <summary>政府采购（《政府采购法》及其实施条例、财政部令第87号）.</summary>
    Procurement = 2,
}

/// <summary>The procurement method of a lot, as far as it decides the committee's composition.</summary>
public enum DrawMethod
{
    OpenTender = 1,
    InvitedTender = 2,

    /// <summary>竞争性谈判: a negotiation group (采购法 第三十八条).</summary>
    CompetitiveNegotiation = 3,

    /// <summary>询价: a quotation group (采购法 第四十条).</summary>
    RequestForQuotation = 4,
}

/// <summary>
/// What a draw needs to know of a lot, from the module that runs the procedure: the parties for recusal, the amount
/// and method for the committee's composition, and the bid deadline. <see cref="BidderCodes"/> is empty and
/// <see cref="BiddersFinal"/> false until the bids are closed at the deadline: before it the bidders are secret.
/// <see cref="Proceeding"/> is false once the lot's procedure failed or was terminated.
/// </summary>
public sealed record DrawLot(
    Guid LotId,
    string LotCode,
    string LotName,
    string ProjectName,
    DrawRegime Regime,
    DrawMethod Method,
    decimal BudgetYuan,
    string RegionCode,
    Guid? CenterId,
    Guid TendererId,
    string TendererCode,
    string TendererName,
    Guid? AgencyId,
    string? AgencyCode,
    string? AgencyName,
    DateTimeOffset? BidDeadline,
    bool BiddersFinal,
    IReadOnlyList<string> BidderCodes,
    bool Proceeding);

/// <summary>The lots an expert draw may be requested for; implemented by the module that runs procedures.</summary>
public interface IDrawLots
{
    Task<DrawLot?> FindAsync(Guid lotId, CancellationToken ct);

    /// <summary>Every lot whose schedule is set (it has a bid deadline), in no particular order.</summary>
    Task<IReadOnlyList<DrawLot>> ScheduledAsync(CancellationToken ct);
}
