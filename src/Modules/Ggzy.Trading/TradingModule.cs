using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading;

/// <summary>交易: the module's front door. Its tables are prefixed <c>trading_</c>.</summary>
public static class TradingModule
{
    public static IServiceCollection AddTrading(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapTrading(this IEndpointRouteBuilder api) => api;
}
