using Ggzy.Platform;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Navigation;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Demo;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Catalog;
using Ggzy.Trading.Features.Projects;
using Ggzy.Trading.Features.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading;

/// <summary>交易: the module's front door. Its tables are prefixed <c>trading_</c>.</summary>
public static class TradingModule
{
    public static IServiceCollection AddTrading(this IServiceCollection services)
    {
        services.AddGgzyDbContext<TradingDbContext>(TradingDbContext.HistoryTable);

        services.AddScoped<StatutoryTimingSource>();
        services.AddScoped<CatalogService>();
        services.AddScoped<ITradingCatalog>(sp => sp.GetRequiredService<CatalogService>());
        services.AddScoped<ICatalogAdministration>(sp => sp.GetRequiredService<CatalogService>());
        services.AddScoped<IStartupTask, InstallNationalCatalog>();
        services.AddScoped<IDemoSeeder, CatalogDemoSeeder>();
        services.AddScoped<TradeCodeAllocator>();
        services.AddScoped<IDemoSeeder, ProjectDemoSeeder>();
        services.AddScoped<BidSecurityService>();
        services.AddScoped<BankReceipts>();
        services.AddScoped<DepositRefunds>();
        services.AddScoped<IDemoSeeder, BidSecurityDemoSeeder>();
        services.AddNavigation(new NavigationItem("保证金回单", "/Trading/Security/Receipts", TradingPermissions.SecurityCustody, 230));
        services.AddNavigation(new NavigationItem("保证金退还", "/Trading/Security/Refunds", TradingPermissions.SecurityCustody, 231));

        services.AddPermissions(TradingPermissions.All);
        services.AddNavigation(new NavigationItem("目录版本", "/Trading/Catalog/Versions", TradingPermissions.ReadCatalogVersions, 201));
        return services.AddNavigation(new NavigationItem("交易目录", "/Trading/Catalog", null, 200));
    }

    public static IEndpointRouteBuilder MapTrading(this IEndpointRouteBuilder api) => api.MapCatalog().MapBidSecurity();
}
