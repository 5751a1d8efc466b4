using Ggzy.Credit.Contracts;
using Ggzy.Credit.Data;
using Ggzy.Credit.Demo;
using Ggzy.Credit.Domain;
using Ggzy.Credit.Features;
using Ggzy.Credit.Features.Certificates;
using Ggzy.Credit.Features.CreditStanding;
using Ggzy.Credit.Features.EnterCreditRecord;
using Ggzy.Credit.Features.EntityProfile;
using Ggzy.Credit.Features.ImportCreditRecords;
using Ggzy.Credit.Features.MarketEntityDirectory;
using Ggzy.Credit.Features.RegisterMarketEntity;
using Ggzy.Credit.Features.Staff;
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
        services.AddScoped<EntityMembership>();
        services.AddScoped<IStaffInvitations, StaffInvitationService>();
        services.AddScoped<IEntityProfiles, EntityProfileService>();

        services.AddScoped<CreditRecordPreparer>();
        services.AddScoped<EnterCreditRecordHandler>();
        services.AddScoped<ImportCreditRecordsHandler>();
        services.AddScoped<CreditRecordQueries>();
        services.AddScoped<ICreditStanding, CreditStandingService>();
        services.AddScoped<ICreditRecords, CreditRecords>();
        services.AddOptions<CreditGradeOptions>().BindConfiguration(CreditGradeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddCertificates();

        services.AddScoped<IDemoSeeder, CreditDemoSeeder>();
        services.AddScoped<IDemoSeeder, CreditRecordsDemoSeeder>();
        services.AddScoped<IDemoSeeder, CreditProfileDemoSeeder>();
        services.AddPermissions(CreditPermissions.All);
        services.AddNavigation(
            new NavigationItem("本单位信息", "/Credit/Profile", CreditPermissions.ManageOwnEntity, 101),
            new NavigationItem("本单位人员", "/Credit/Staff", CreditPermissions.InviteStaff, 102),
            new NavigationItem("信用记录", "/Credit/Records", CreditPermissions.ManageRecords, 110));
        return services.AddNavigation(new NavigationItem("市场主体", "/Credit/Entities", null, 100));
    }

    public static IEndpointRouteBuilder MapCredit(this IEndpointRouteBuilder api) =>
        api.MapMarketEntities().MapCreditRecords().MapStaffInvitations().MapEntityProfiles().MapCertificates();
}
