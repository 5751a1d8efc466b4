using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Experts;

/// <summary>专家: the module's front door. Its tables are prefixed <c>experts_</c>.</summary>
public static class ExpertsModule
{
    public static IServiceCollection AddExperts(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapExperts(this IEndpointRouteBuilder api) => api;
}
