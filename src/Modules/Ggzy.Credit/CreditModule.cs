using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Credit;

/// <summary>市场主体与信用: the module's front door. Its tables are prefixed <c>credit_</c>.</summary>
public static class CreditModule
{
    public static IServiceCollection AddCredit(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapCredit(this IEndpointRouteBuilder api) => api;
}
