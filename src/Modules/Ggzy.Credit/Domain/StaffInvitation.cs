using Ggzy.Credit.Contracts;

namespace Ggzy.Credit.Domain;

/// <summary>
/// An invitation from an organisation's administrator to one member of its staff (R26: the organisation registers
/// once, its people join it). Only the SM3 hash of the one-time secret is kept; the link is shown once.
/// </summary>
internal sealed class StaffInvitation
{
    public Guid Id { get; init; }

    public Guid MarketEntityId { get; init; }

    /// <summary>The invitee's name, as the account will show it.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The market roles granted: a subset of the entity's registered roles.</summary>
    public MarketRole Roles { get; init; }

    /// <summary>SM3 (hex) of the secret in the link.</summary>
    public required string TokenHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>The account created with it.</summary>
    public Guid? AcceptedUserId { get; set; }

    public string? AcceptedUserName { get; set; }
}
