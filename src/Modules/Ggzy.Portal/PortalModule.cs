using Ggzy.Platform.Navigation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Portal;

/// <summary>服务与信息公开: the module's front door. Its tables are prefixed <c>portal_</c>.</summary>
public static class PortalModule
{
    public static IServiceCollection AddPortal(this IServiceCollection services) =>
        services.AddNavigation(
            new NavigationItem("交易公告", "/Portal/Announcements", null, 100),
            new NavigationItem("开标记录", "/Portal/Openings", null, 101),
            new NavigationItem("中标公示与公告", "/Portal/Awards", null, 102));

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder api) => api;
}
