using Ggzy.Credit.Contracts;

namespace Ggzy.Credit.Domain;

/// <summary>
/// A registered market entity (R26), keyed by its 统一社会信用代码 and linked to the platform organisation its users
/// belong to. Contact details are kept for the center and are not published.
/// </summary>
internal sealed class MarketEntity
{
    public Guid Id { get; init; }

    public required string CreditCode { get; init; }

    public required string LegalName { get; set; }

    public MarketEntityKind Kind { get; set; }

    public required string RegionCode { get; set; }

    public required string LegalRepresentative { get; set; }

    public required string ContactPerson { get; set; }

    public required string ContactPhone { get; set; }

    public MarketRole Roles { get; set; }

    public Guid OrganizationId { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>The organisation's administrator: the account created at registration; only it invites staff (R26).</summary>
    public Guid? AdministratorUserId { get; set; }
}
