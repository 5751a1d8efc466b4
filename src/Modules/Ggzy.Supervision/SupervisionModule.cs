using Ggzy.Platform.Identity;
using Ggzy.Platform.Navigation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Supervision;

/// <summary>监管: the module's front door. Its tables are prefixed <c>supervision_</c>.</summary>
public static class SupervisionModule
{
    public static IServiceCollection AddSupervision(this IServiceCollection services) =>
        services.AddNavigation(new NavigationItem("交易记录账本", "/Supervision/Ledger", PlatformPermissions.ReadLedger, 300));

    public static IEndpointRouteBuilder MapSupervision(this IEndpointRouteBuilder api) => api;
}
