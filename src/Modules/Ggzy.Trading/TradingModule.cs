using Ggzy.Platform;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Navigation;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Demo;
using Ggzy.Trading.Domain.Documents;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Announcements;
using Ggzy.Trading.Features.Archive;
using Ggzy.Trading.Features.Award;
using Ggzy.Trading.Features.Bids;
using Ggzy.Trading.Features.Catalog;
using Ggzy.Trading.Features.Documents;
using Ggzy.Trading.Features.Evaluation;
using Ggzy.Trading.Features.Experts;
using Ggzy.Trading.Features.Notices;
using Ggzy.Trading.Features.Opening;
using Ggzy.Trading.Features.Procedures;
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
        services.AddScoped<ProjectRegistrationService>();
        services.AddOptions<ProjectFileOptions>().BindConfiguration(ProjectFileOptions.SectionName);
        services.AddNavigation(
            new NavigationItem("项目登记", "/Trading/Projects", TradingPermissions.ReadProjects, 210),
            new NavigationItem("登记项目", "/Trading/Projects/Register", TradingPermissions.RegisterProject, 211));
        services.AddScoped<AnnouncementService>();
        services.AddScoped<IAnnouncements>(sp => sp.GetRequiredService<AnnouncementService>());
        services.AddScoped<IPublishedAnnouncements, PublishedAnnouncements>();
        services.AddScoped<IProcedures, ProcedureService>();
        services.AddScoped<FailurePaths>();
        services.AddSingleton<ProcedureClock>();
        services.AddOptions<ProcedureClockOptions>().BindConfiguration(ProcedureClockOptions.SectionName);
        services.AddHostedService<ProcedureClockService>();
        services.AddScoped<IDemoSeeder, AnnouncementDemoSeeder>();
        services.AddNavigation(new NavigationItem("公告与程序", "/Trading/Announcements", TradingPermissions.ComposeAnnouncement, 220));
        services.AddNavigation(new NavigationItem("投标邀请书", "/Trading/Announcements/Invitations", TradingPermissions.ReadAnnouncements, 221));
        services.AddOptions<DocumentUploadOptions>().BindConfiguration(DocumentUploadOptions.SectionName);
        services.AddScoped<ILotDocuments, LotDocumentService>();
        services.AddScoped<ITradingNotices, TradingNoticeService>();
        services.AddScoped<IDemoSeeder, DocumentDemoSeeder>();
        services.AddNavigation(new NavigationItem("招标文件", "/Trading/Lots", TradingPermissions.ReadDocuments, 230));
        services.AddNavigation(new NavigationItem("交易通知", "/Trading/Notices", TradingPermissions.ReadNotices, 231));
        services.AddNavigation(new NavigationItem("待确认的终止申请", "/Trading/Lots/Terminations", TradingPermissions.ReadPendingTerminations, 229));
        services.AddNavigation(new NavigationItem("异议", "/Trading/Objections", TradingPermissions.ReadDocuments, 232));
        services.AddScoped<BidSecurityService>();
        services.AddScoped<BankReceipts>();
        services.AddScoped<DepositRefunds>();
        services.AddScoped<IDemoSeeder, BidSecurityDemoSeeder>();
        services.AddNavigation(new NavigationItem("保证金回单", "/Trading/Security/Receipts", TradingPermissions.SecurityCustody, 240));
        services.AddNavigation(new NavigationItem("保证金退还", "/Trading/Security/Refunds", TradingPermissions.SecurityCustody, 241));

        services.AddOptions<BidOptions>().BindConfiguration(BidOptions.SectionName);
        services.AddSingleton<BidVault>();
        services.AddSingleton<BidInspections>();
        services.AddScoped<BidSubmissionService>();
        services.AddScoped<IBidSubmissions>(sp => sp.GetRequiredService<BidSubmissionService>());
        services.AddScoped<IDemoSeeder, BidDemoSeeder>();
        services.AddNavigation(new NavigationItem("投标文件递交", "/Trading/Bids", TradingPermissions.SubmitBids, 235));
        services.AddNavigation(new NavigationItem("开标大厅", "/Trading/Opening", TradingPermissions.WatchOpening, 236));

        services.AddOptions<OpeningOptions>().BindConfiguration(OpeningOptions.SectionName);
        services.AddSingleton<IEnvelopeOpener, StreamingEnvelopeOpener>();
        services.AddScoped<BidOpeningService>();
        services.AddScoped<IBidOpenings>(sp => sp.GetRequiredService<BidOpeningService>());
        services.AddScoped<IPublishedOpenings, PublishedOpenings>();
        services.AddScoped<IDemoSeeder, OpeningDemoSeeder>();

        services.AddScoped<Ggzy.Experts.Contracts.IDrawLots, TradingDrawLots>();

        // The archive asks every section in registration order, then the Ledger extract, which is always last.
        services.AddOptions<ArchiveOptions>().BindConfiguration(ArchiveOptions.SectionName);
        services.AddOptions<TerminationOptions>().BindConfiguration(TerminationOptions.SectionName);
        services.AddScoped<ILotArchiveSection, AnnouncementArchiveSection>();
        services.AddScoped<ILotArchiveSection, DocumentArchiveSection>();
        services.AddScoped<ILotArchiveSection, BidArchiveSection>();
        services.AddScoped<ILotArchiveSection, OpeningArchiveSection>();
        services.AddScoped<LedgerArchiveSection>();
        services.AddScoped<LotArchiveService>();
        services.AddScoped<IDemoSeeder, ArchiveDemoSeeder>();
        services.AddScoped<IDemoSeeder, SupervisionDemoSeeder>();
        services.AddNavigation(new NavigationItem("归档", "/Trading/Archive", TradingPermissions.ReadArchive, 250));
        services.AddEvaluationRoom();
        services.AddNavigation(new NavigationItem("评标室", "/Trading/Evaluation", EvaluationPermissions.Watch, 237));
        services.AddPermissions(EvaluationPermissions.All);
        services.AddOptions<RefundInterestOptions>().BindConfiguration(RefundInterestOptions.SectionName);
        services.AddScoped<AwardService>();
        services.AddScoped<IAwards>(sp => sp.GetRequiredService<AwardService>());
        services.AddScoped<IPublishedAwards, PublishedAwards>();
        services.AddScoped<Ggzy.Trading.Features.Archive.ILotArchiveSection, AwardArchiveSection>();
        services.AddScoped<AwardDemoSeeder>();
        services.AddScoped<IDemoSeeder, EvaluationDemoSeeder>();
        services.AddScoped<IDemoSeeder, ProcurementEvaluationDemoSeeder>();

        services.AddPermissions(TradingPermissions.All);
        services.AddNavigation(new NavigationItem("目录版本", "/Trading/Catalog/Versions", TradingPermissions.ReadCatalogVersions, 201));
        return services.AddNavigation(new NavigationItem("交易目录", "/Trading/Catalog", null, 200));
    }

    public static IEndpointRouteBuilder MapTrading(this IEndpointRouteBuilder api) =>
        api.MapCatalog().MapProjects().MapAnnouncements().MapProcedures().MapDocuments().MapBidSecurity().MapBids().MapOpenings().MapOpeningStream()
            .MapEvaluation().MapAward().MapArchives();
}
