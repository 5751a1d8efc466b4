using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Supervision;

/// <summary>监管: the module's front door. Its tables are prefixed <c>supervision_</c>.</summary>
public static class SupervisionModule
{
    public static IServiceCollection AddSupervision(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapSupervision(this IEndpointRouteBuilder api) => api;
}
