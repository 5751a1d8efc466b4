using Ggzy.Platform.Data;
using Microsoft.Data.Sqlite;

namespace Ggzy.TestKit;

/// <summary>
/// The migrated and seeded demo, made once and copied for each host that starts from it: migrating and seeding take
/// seconds, a copy a fraction of one. The demo is seeded relative to the moment it is made (a deadline minutes ago, a
/// decryption window open now), so a template older than <see cref="MaxAge"/> is made afresh. Five minutes keeps every
/// such moment of the demo where the tests expect it (the decrypting lot's window, opened five minutes before the
/// template, lasts four hours; the requested draw's evaluation is forty minutes after it) while a test stage pays for the
/// seeding once or twice rather than every two minutes.
/// </summary>
internal static class DemoTemplate
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<DatabaseProvider, (TestDatabase Database, DateTimeOffset MadeAt)> Templates = [];

    static DemoTemplate() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var (database, _) in Templates.Values)
        {
            database.DisposeAsync().AsTask().Wait();
        }
    };

    public static async Task<TestDatabase> CopyAsync(DatabaseProvider provider)
    {
        await Gate.WaitAsync();
        try
        {
            if (!Templates.TryGetValue(provider, out var template) || TimeProvider.System.GetUtcNow() - template.MadeAt > MaxAge)
            {
                if (template.Database is not null)
                {
                    await template.Database.DisposeAsync();
                }

                var madeAt = TimeProvider.System.GetUtcNow();
                template = (await MakeAsync(provider), madeAt);
                Templates[provider] = template;
            }

            return await template.Database.CopyAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<TestDatabase> MakeAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using (var host = new GgzyApp(database))
        {
            // Starting the host migrates every module and seeds the demo; disposing it stops its background work.
            _ = host.Services;
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            // Closing the last connection checkpoints the journal into the file that is copied.
            SqliteConnection.ClearPool(new SqliteConnection(database.ConnectionString));
        }

        return database;
    }
}
