using Ggzy.Credit.Contracts;
using Ggzy.Credit.Data;
using Ggzy.Credit.Demo;
using Ggzy.Credit.Features;
using Ggzy.Credit.Features.Certificates;
using Ggzy.Credit.Features.MarketEntityDirectory;
using Ggzy.Credit.Features.RegisterMarketEntity;
using Ggzy.Platform;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Navigation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Credit;

/// <summary>市场主体与信用: the module's front door. Its tables are prefixed <c>credit_</c>.</summary>
public static class CreditModule
{
    public static IServiceCollection AddCredit(this IServiceCollection services)
    {
        services.AddGgzyDbContext<CreditDbContext>(CreditDbContext.HistoryTable);

        services.AddScoped<RegisterMarketEntityHandler>();
        services.AddScoped<MarketEntityDirectoryQuery>();
        services.AddScoped<IMarketEntities, MarketEntities>();
        services.AddCertificates();

        services.AddScoped<IDemoSeeder, CreditDemoSeeder>();
        services.AddPermissions(CreditPermissions.All);
        return services.AddNavigation(new NavigationItem("市场主体", "/Credit/Entities", null, 100));
    }

    public static IEndpointRouteBuilder MapCredit(this IEndpointRouteBuilder api) => api.MapMarketEntities().MapCertificates();
}
