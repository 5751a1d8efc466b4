using System.Collections.Concurrent;
using System.Data.Common;
using Ggzy.Trading.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.TestKit;

/// <summary>
/// The SQL the Trading context sends while a test records (<see cref="Record"/>): for counting how often a request reads
/// a table. Nothing is kept outside a recording.
/// </summary>
public sealed class DbCommandLog : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _texts = new();
    private int _recording;

    /// <summary>The commands sent during the last recording, in order.</summary>
    public IReadOnlyList<string> Commands => [.. _texts];

    /// <summary>Starts a recording (clearing the last one); disposing it stops.</summary>
    public IDisposable Record()
    {
        _texts.Clear();
        Interlocked.Exchange(ref _recording, 1);
        return new Stop(this);
    }

    /// <summary>How many recorded commands read or write the table.</summary>
    public int Touching(string table) => Commands.Count(c => c.Contains(table, StringComparison.Ordinal));

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Log(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Log(command);
        return ValueTask.FromResult(result);
    }

    private void Log(DbCommand command)
    {
        if (Volatile.Read(ref _recording) == 1)
        {
            _texts.Enqueue(command.CommandText);
        }
    }

    private sealed class Stop(DbCommandLog log) : IDisposable
    {
        public void Dispose() => Interlocked.Exchange(ref log._recording, 0);
    }
}

public static class DbCommandLogRegistration
{
    /// <summary>Adds the log to the Trading context's interceptors.</summary>
    public static IServiceCollection LogTradingCommands(this IServiceCollection services, DbCommandLog log) =>
        services.ConfigureDbContext<TradingDbContext>(o => o.AddInterceptors(log));
}
