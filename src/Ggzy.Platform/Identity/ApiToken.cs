namespace Ggzy.Platform.Identity;

/// <summary>A bearer token for a system calling /api/v1. Only its SM3 digest is stored; the token is shown once.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>The first characters of the token, to tell tokens apart in lists.</summary>
    public required string Prefix { get; set; }

    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
