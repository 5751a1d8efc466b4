using Ggzy.Platform.Alerts;
using Ggzy.Platform.Blobs;
using Ggzy.Platform.Calendar;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Rules;
using Ggzy.Platform.Signing;
using Ggzy.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ggzy.Platform;

/// <summary>The kernel's front door: the database, the Ledger, time, the calendar, statutory rules, permissions, blobs.</summary>
public static class PlatformModule
{
    public static IServiceCollection AddPlatform(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddGgzyDbContext<PlatformDbContext>(PlatformDbContext.HistoryTable);

        // One key ring for every node, the CLI and the tests: cookies, antiforgery and the experts' identities (ADR 0021).
        services.AddDataProtection().SetApplicationName("Ggzy").PersistKeysToDbContext<PlatformDbContext>();

        services.AddOptions<ClockOptions>().BindConfiguration(ClockOptions.SectionName);
        services.TryAddSingleton(PlatformClock.Create);
        services.TryAddScoped<ICurrentActorAccessor, SystemActorAccessor>();
        services.AddScoped<LedgerWriter>();
        services.AddScoped<LedgerReader>();
        services.AddScoped<PlatformAlerts>();
        services.TryAddSingleton<CalendarCache>();
        services.TryAddSingleton<ShippedCalendar>();
        services.AddScoped<WorkCalendar>();
        services.AddScoped<SaveCalendarYear>();
        services.AddScoped<IStartupTask, InstallShippedCalendar>();
        services.AddScoped<StatutoryRuleRegistry>();

        services.AddPermissions(PlatformPermissions.All);
        services.TryAddSingleton<PermissionTable>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();

        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);
        services.AddScoped<IDemoSeeder, PlatformDemoSeeder>();

        services.AddOptions<PlatformSigningOptions>().BindConfiguration(PlatformSigningOptions.SectionName);
        services.TryAddSingleton<PlatformSigner>();
        services.TryAddSingleton<IBlobStore>(sp =>
            new FileSystemBlobStore(Path.Combine(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.DataDirectory, "blobs")));
        return services;
    }

    /// <summary>Each module declares its permissions here; together they form the one permission table.</summary>
    public static IServiceCollection AddPermissions(this IServiceCollection services, IEnumerable<Permission> permissions)
    {
        foreach (var p in permissions)
        {
            services.AddSingleton(p);
        }

        return services;
    }
}
