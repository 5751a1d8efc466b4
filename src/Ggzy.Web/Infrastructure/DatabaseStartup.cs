using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ggzy.Web.Infrastructure;

internal static partial class DatabaseStartup
{
    /// <summary>
    /// Migrates every module's context (embedded SQLite, or when Database:MigrateOnStartup is set), creates the roles,
    /// and on an empty database seeds the demo unless Seed:Demo is false.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Ggzy.Startup");
        var ct = app.Lifetime.ApplicationStopping;

        if (options.ShouldMigrateOnStartup)
        {
            foreach (var context in sp.GetServices<MigratedContext>())
            {
                var db = (DbContext)sp.GetRequiredService(context.ContextType);
                await db.Database.MigrateAsync(ct);
            }

            LogMigrated(log, options.Provider);
        }

        await RoleSetup.EnsureRolesAsync(sp.GetRequiredService<RoleManager<PlatformRole>>());
        foreach (var task in sp.GetServices<IStartupTask>().OrderBy(t => t.Order))
        {
            await task.RunAsync(ct);
        }

        var platform = sp.GetRequiredService<PlatformDbContext>();
        var empty = !await platform.Users.AnyAsync(ct) && !await platform.Organizations.AnyAsync(ct);
        if (empty && sp.GetRequiredService<IOptions<DemoOptions>>().Value.Demo)
        {
            foreach (var seeder in sp.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
            {
                await seeder.SeedAsync(ct);
            }

            LogSeeded(log);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated ({Provider})")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded")]
    private static partial void LogSeeded(ILogger logger);
}
