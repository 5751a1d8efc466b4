using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Demo;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Experts.Drawing;
using Ggzy.Experts.Features;
using Ggzy.Experts.Features.Availability;
using Ggzy.Experts.Features.Draws;
using Ggzy.Experts.Features.Identity;
using Ggzy.Experts.Features.Pool;
using Ggzy.Experts.Features.Profile;
using Ggzy.Experts.Features.Ratings;
using Ggzy.Experts.Features.Status;
using Ggzy.Platform;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Navigation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.AddScoped<LinkExpertAccountHandler>();
        services.AddScoped<RateExpertHandler>();
        services.AddScoped<ExpertRecordQueries>();

        services.AddScoped<IDemoSeeder, ExpertPoolDemoSeeder>();
        services.AddScoped<IDemoSeeder, RatingDemoSeeder>();
        services.AddPermissions(ExpertPermissions.All);

        // The verifiable draw with recusal (docs/expert-draw.md): request, rounds, notification, answers, sign-in, close.
        services.AddOptions<DrawOptions>().BindConfiguration(DrawOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RecusalOptions>().BindConfiguration(RecusalOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.CenterRules.All(CenterRecusalRules.IsValid), CenterRecusalRules.Invalid).ValidateOnStart();
        services.AddSingleton<DrawSecrets>();
        services.TryAddSingleton<IExpertNotificationGateway, SimulatedNotificationGateway>();
        services.AddScoped<DrawCenters>();
        services.AddSingleton<PoolMemory>();
        services.AddScoped<DrawCandidates>();
        services.AddScoped<DrawRequests>();
        services.AddScoped<DrawRounds>();
        services.AddScoped<DrawNotifier>();
        services.AddScoped<DrawAnswers>();
        services.AddScoped<DrawHosting>();
        services.AddScoped<DrawQueries>();
        services.AddScoped<IExpertDraws, ExpertDraws>();
        services.AddScoped<ICommitteeSeats, CommitteeSeats>();
        services.AddScoped<IDemoSeeder, DrawDemoSeeder>();
        services.AddSingleton<DrawClock>();
        services.AddHostedService<DrawClockService>();
        services.AddPermissions(DrawPermissions.All);
        services.AddNavigation(
            new NavigationItem("专家抽取", "/Experts/Draws", DrawPermissions.Read, 330),
            new NavigationItem("我的抽取通知", "/Experts/Draws/Invitations", DrawPermissions.Answer, 331),
            new NavigationItem("模拟短信", "/Experts/Draws/Messages", DrawPermissions.ReadSimulatedMessages, 332));
        return services.AddNavigation(
            new NavigationItem("专家库", "/Experts/Pool", ExpertPermissions.ReadPool, 300),
            new NavigationItem("专家暂停与黑名单", "/Experts/Sanctions", ExpertPermissions.ReadSanctions, 310),
            new NavigationItem("一标一评", "/Experts/Ratings", ExpertPermissions.Rate, 315),
            new NavigationItem("我的专家信息", "/Experts/Profile", ExpertPermissions.ManageOwnProfile, 320));
    }

    public static IEndpointRouteBuilder MapExperts(this IEndpointRouteBuilder api) => api.MapExpertPool().MapDraws();
}
