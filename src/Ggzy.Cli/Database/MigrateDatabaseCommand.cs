using System.CommandLine;
using Ggzy.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Cli.Database;

/// <summary>
/// <c>ggzy db migrate</c>: applies every module context's pending migrations, for production PostgreSQL where the
/// host does not migrate on start (style.md §2.9). Safe to run again; it applies nothing when up to date.
/// </summary>
internal static class MigrateDatabaseCommand
{
    public static Command Create(DatabaseSelection database, CliConsole console)
    {
        var command = new Command("migrate", "应用数据库迁移（生产环境的 PostgreSQL 在部署时运行；可重复运行）。");
        command.SetAction((result, ct) =>
        {
            var json = result.GetValue(database.Json);
            return CommandRunner.RunAsync(console, json, () => RunAsync(database.Open(result, console, mustExist: false), console, json, ct));
        });
        return command;
    }

    private static async Task<int> RunAsync(CliDatabase database, CliConsole console, bool json, CancellationToken ct)
    {
        await using (database)
        {
            await using var scope = database.Services.CreateAsyncScope();
            var applied = new List<(string Context, string Migration)>();
            foreach (var migrated in scope.ServiceProvider.GetServices<MigratedContext>())
            {
                var db = (DbContext)scope.ServiceProvider.GetRequiredService(migrated.ContextType);
                var pending = await db.Database.GetPendingMigrationsAsync(ct);
                await db.Database.MigrateAsync(ct);
                applied.AddRange(pending.Select(m => (migrated.ContextType.Name, m)));
            }

            if (json)
            {
                await CliOutput.WriteJsonAsync(console.Out, new
                {
                    status = "migrated",
                    database = database.Description,
                    applied = applied.Select(a => new { context = a.Context, migration = a.Migration }),
                });
            }
            else if (applied.Count == 0)
            {
                await console.Out.WriteLineAsync($"数据库已是最新，没有待应用的迁移（{database.Description}）。");
            }
            else
            {
                await console.Out.WriteLineAsync($"已应用 {applied.Count} 个迁移（{database.Description}）：");
                foreach (var (context, migration) in applied)
                {
                    await console.Out.WriteLineAsync($"  {context}  {migration}");
                }
            }

            return ExitCodes.Ok;
        }
    }
}
