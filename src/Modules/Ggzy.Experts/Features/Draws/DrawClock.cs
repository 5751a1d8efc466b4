using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Draws;
using Ggzy.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ggzy.Experts.Features.Draws;

/// <summary>
/// The draw clock (docs/expert-draw.md §8): draws the first round of each draw whose time has come (once its lot's
/// bidders are final), turns unanswered invitations whose answer time ran out into declines, draws a replacement round
/// for every draw with open seats, and notifies seats not notified yet. Everything it does follows from the stored state,
/// so a pass missed while the host was down is caught up by the next; a draw's <c>Revision</c> makes a second node's
/// save of the same step fail.
/// </summary>
internal sealed class DrawClock(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DrawClock> logger)
{
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<Guid> due, expiring, open, unnotified;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ExpertsDbContext>();
            due = await db.Draws.AsNoTracking().Where(d => d.State == DrawState.Requested && d.DrawAt <= now).Select(d => d.Id).ToListAsync(ct);
            expiring = await db.DrawSeats.AsNoTracking().Where(s => s.State == SeatState.Notified && s.AnswerBy <= now)
                .Select(s => s.DrawId).Distinct().ToListAsync(ct);
        }

        var done = 0;
        foreach (var id in due)
        {
            done += await OnceAsync(sp => DrawAndNotifyAsync(sp, id, ct), $"draw {id}");
        }

        foreach (var id in expiring)
        {
            done += await OnceAsync(sp => sp.GetRequiredService<DrawAnswers>().ExpireAsync(id, now, ct), $"answers of draw {id}");
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ExpertsDbContext>();
            open = await db.DrawSeats.AsNoTracking()
                .Where(s => (s.State == SeatState.Declined || s.State == SeatState.NoAnswer) && s.ReplacedInRound == null)
                .Join(db.Draws.Where(d => d.State == DrawState.Drawing), s => s.DrawId, d => d.Id, (s, d) => d.Id)
                .Distinct().ToListAsync(ct);
            unnotified = await db.DrawSeats.AsNoTracking().Where(s => s.State == SeatState.Drawn)
                .Join(db.Draws.Where(d => d.State == DrawState.Drawing), s => s.DrawId, d => d.Id, (s, d) => d.Id)
                .Distinct().ToListAsync(ct);
        }

        foreach (var id in open)
        {
            done += await OnceAsync(sp => DrawAndNotifyAsync(sp, id, ct), $"replacement of draw {id}");
        }

        foreach (var id in unnotified.Except(open))
        {
            done += await OnceAsync(async sp => await sp.GetRequiredService<DrawNotifier>().NotifyAsync(id, ct) > 0, $"notification of draw {id}");
        }

        return done;
    }

    private static async Task<bool> DrawAndNotifyAsync(IServiceProvider sp, Guid drawId, CancellationToken ct)
    {
        var outcome = await sp.GetRequiredService<DrawRounds>().DrawAsync(drawId, DrawLedger.Platform, ct);
        if (outcome == RoundOutcome.Drawn)
        {
            await sp.GetRequiredService<DrawNotifier>().NotifyAsync(drawId, ct);
        }

        return outcome != RoundOutcome.Nothing;
    }

    private async Task<int> OnceAsync(Func<IServiceProvider, Task<bool>> work, string what)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await work(scope.ServiceProvider) ? 1 : 0;
        }
        catch (DbUpdateException)
        {
            DrawClockLog.Concurrent(logger, what);
            return 0;
        }
        catch (BusinessRuleException e)
        {
            // E.g. the lot's bidders are not final yet: the next pass tries again.
            DrawClockLog.Waiting(logger, what, e.Message);
            return 0;
        }
    }
}

/// <summary>Runs the draw clock every <see cref="DrawOptions.ClockIntervalSeconds"/> seconds.</summary>
internal sealed class DrawClockService(DrawClock drawClock, IOptions<DrawOptions> options, TimeProvider clock, ILogger<DrawClockService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ClockEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ClockIntervalSeconds), clock);
        do
        {
            try
            {
                await drawClock.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The clock must survive a failed pass (e.g. the database restarting); the next pass retries.
            catch (Exception e)
#pragma warning restore CA1031
            {
                DrawClockLog.Failed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

internal static partial class DrawClockLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Draw clock: {What} was changed concurrently by another node; skipped.")]
    public static partial void Concurrent(ILogger logger, string what);

    [LoggerMessage(Level = LogLevel.Information, Message = "Draw clock: {What} waits: {Reason}")]
    public static partial void Waiting(ILogger logger, string what, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Draw clock: a pass failed.")]
    public static partial void Failed(ILogger logger, Exception e);
}
