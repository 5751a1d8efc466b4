using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Exchange;

/// <summary>数据交换: the module's front door. Its tables are prefixed <c>exchange_</c>.</summary>
public static class ExchangeModule
{
    public static IServiceCollection AddExchange(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapExchange(this IEndpointRouteBuilder api) => api;
}
