using Microsoft.AspNetCore.Identity;

namespace Ggzy.Platform.Identity;

public sealed class PlatformRole : IdentityRole<Guid>
{
    public string DisplayName { get; set; } = "";
}
