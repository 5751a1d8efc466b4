using Microsoft.AspNetCore.Identity;

namespace Ggzy.Platform.Identity;

/// <summary>A person or system account that signs in. User names never change: the Ledger names actors by them.</summary>
public sealed class PlatformUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }

    public Guid? OrganizationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsDisabled { get; set; }
}
