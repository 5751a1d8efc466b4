using System.ComponentModel.DataAnnotations;

namespace Ggzy.Web.Infrastructure;

public sealed class WebOptions
{
    public const string SectionName = "Web";

    [Required]
    public string PlatformName { get; set; } = "公共资源交易平台";

    /// <summary>The largest JSON body /api/v1 accepts; larger requests get 413 and change nothing.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxApiBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How many requests that change something (POST, PUT, DELETE…) one client address may send per minute without
    /// signing in: registration, certificate challenges, invitation acceptance, the sign-in form.
    /// </summary>
    [Range(1, 1_000_000)]
    public int AnonymousWritesPerMinute { get; set; } = 60;
}
