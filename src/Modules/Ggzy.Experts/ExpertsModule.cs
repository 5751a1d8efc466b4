using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Experts.Features.Identity;
using Ggzy.Experts.Features.Pool;
using Ggzy.Platform;
using Ggzy.Platform.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Experts;

/// <summary>专家: the module's front door. Its tables are prefixed <c>experts_</c>.</summary>
public static class ExpertsModule
{
    public static IServiceCollection AddExperts(this IServiceCollection services)
    {
        services.AddGgzyDbContext<ExpertsDbContext>(ExpertsDbContext.HistoryTable);
        services.AddSingleton(_ => SpecialtyCatalog.LoadShipped());
        services.AddScoped<IStartupTask, InstallSpecialtyTable>();

        services.AddSingleton<ExpertIdentityProtector>();
        services.AddScoped<IExpertIdentities, ExpertIdentities>();
        services.AddScoped<IExpertPool, ExpertPool>();

        services.AddPermissions(ExpertPermissions.All);
        return services;
    }

    public static IEndpointRouteBuilder MapExperts(this IEndpointRouteBuilder api) => api;
}
