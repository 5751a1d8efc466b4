using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Demo;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Experts.Features;
using Ggzy.Experts.Features.Availability;
using Ggzy.Experts.Features.Identity;
using Ggzy.Experts.Features.Pool;
using Ggzy.Experts.Features.Profile;
using Ggzy.Experts.Features.Status;
using Ggzy.Platform;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Navigation;
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

        services.AddScoped<AddExpertHandler>();
        services.AddScoped<EditExpertHandler>();
        services.AddScoped<ExpertAvailability>();
        services.AddScoped<ChangeExpertStatusHandler>();
        services.AddScoped<PoolQueries>();
        services.AddScoped<OwnExpert>();

        services.AddScoped<IDemoSeeder, ExpertPoolDemoSeeder>();
        services.AddPermissions(ExpertPermissions.All);
        return services.AddNavigation(
            new NavigationItem("专家库", "/Experts/Pool", ExpertPermissions.ReadPool, 300),
            new NavigationItem("专家暂停与黑名单", "/Experts/Sanctions", ExpertPermissions.ReadSanctions, 310),
            new NavigationItem("我的专家信息", "/Experts/Profile", ExpertPermissions.ManageOwnProfile, 320));
    }

    public static IEndpointRouteBuilder MapExperts(this IEndpointRouteBuilder api) => api.MapExpertPool();
}
