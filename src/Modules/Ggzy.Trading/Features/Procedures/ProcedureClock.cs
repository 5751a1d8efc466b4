using Ggzy.Platform.Ledger;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Announcements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ggzy.Trading.Features.Procedures;

/// <summary>Settings of the procedure clock (section <c>Trading:ProcedureClock</c>).</summary>
internal sealed class ProcedureClockOptions
{
    public const string SectionName = "Trading:ProcedureClock";

    /// <summary>Seconds between two runs; 30 by default.</summary>
    public int IntervalSeconds { get; set; } = 30;

    public bool Enabled { get; set; } = true;
}

/// <summary>
/// The durable procedure clock (ADR 0014): publishes scheduled announcements whose time has come and moves lots
/// Announced → DocumentsOnSale at DocumentsFrom, → BiddingOpen at DocumentsUntil, → DeadlinePassed at Deadline, each
/// step by the actor "platform" and with a Ledger entry; extracts and closes openings; archives closed lots. Everything it does is derived from the stored state, so a
/// missed run is caught up by the next one. Each change is its own unit of work; with several nodes the lot's and the
/// announcement's <c>Revision</c> concurrency tokens make the second node's save fail, which means the first did it.
/// </summary>
internal sealed class ProcedureClock(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ProcedureClock> logger)
{
    public const string Actor = "platform";

    /// <summary>One pass; returns how many announcements and lot steps it saved.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<Guid> due;
        List<Guid> lots;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
            due = await db.Announcements.AsNoTracking()
                .Where(a => a.Status == AnnouncementStatus.Scheduled && a.PublishAt <= now)
                .OrderBy(a => a.PublishAt).Select(a => a.Id).ToListAsync(ct);
        }

        var done = 0;
        foreach (var id in due)
        {
            done += await OnceAsync(sp => sp.GetRequiredService<AnnouncementService>().PublishDueAsync(id, ct), $"announcement {id}");
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
            lots = await db.Lots.AsNoTracking()
                .Where(l => (l.State == LotState.Announced && l.DocumentsFrom <= now)
                    || (l.State == LotState.DocumentsOnSale && l.DocumentsUntil <= now)
                    || (l.State == LotState.BiddingOpen && l.Deadline <= now))
                .Select(l => l.Id).ToListAsync(ct);
        }

        foreach (var id in lots)
        {
            done += await OnceAsync(sp => AdvanceAsync(sp, id, now, ct), $"lot {id}");
        }

        // Bids close at the deadline whatever the lot's state (paused lots too): incomplete uploads expire.
        List<Guid> closing;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
            closing = await db.Lots.AsNoTracking()
                .Where(l => l.State != LotState.Draft && l.Deadline <= now && !db.BidClosings.Any(c => c.LotId == l.Id))
                .Select(l => l.Id).ToListAsync(ct);
        }

        foreach (var id in closing)
        {
            done += await OnceAsync(sp => sp.GetRequiredService<Bids.BidSubmissionService>().CloseAsync(id, now, ct), $"bids of lot {id}");
        }

        // Then the opening: each lot whose bids are closed is extracted once; each decryption window that ran out is closed once.
        List<Guid> extracting;
        List<Guid> windows;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
            extracting = await db.Lots.AsNoTracking()
                .Where(l => l.State == LotState.DeadlinePassed && !l.Prequalification && l.Deadline <= now
                    && db.BidClosings.Any(c => c.LotId == l.Id) && !db.BidOpenings.Any(o => o.LotId == l.Id))
                .Select(l => l.Id).ToListAsync(ct);
            windows = await db.BidOpenings.AsNoTracking()
                .Where(o => o.Stage == Domain.Opening.OpeningStage.Decrypting && o.DecryptionEndsAt <= now)
                .Select(o => o.LotId).ToListAsync(ct);
        }

        foreach (var id in extracting)
        {
            done += await OnceAsync(sp => sp.GetRequiredService<Opening.BidOpeningService>().ExtractAsync(id, now, ct), $"opening of lot {id}");
        }

        foreach (var id in windows)
        {
            done += await OnceAsync(sp => sp.GetRequiredService<Opening.BidOpeningService>().EndWindowAsync(id, now, ct), $"decryption window of lot {id}");
        }

        // Last, the archive: each lot closed for ArchiveOptions.BuildAfterMinutes without a package gets one (built, stored, then committed with its step to 已归档).
        List<Guid> closed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
            var settled = now.AddMinutes(-Math.Max(0, scope.ServiceProvider.GetRequiredService<IOptions<Archive.ArchiveOptions>>().Value.BuildAfterMinutes));
            closed = await db.Lots.AsNoTracking()
                .Where(l => Archive.LotArchiveService.Closed.Contains(l.State) && !db.LotArchives.Any(a => a.LotId == l.Id)
                    && db.LotSteps.Any(s => s.LotId == l.Id && s.To == l.State && s.At <= settled))
                .Select(l => l.Id).ToListAsync(ct);
        }

        foreach (var id in closed)
        {
            try
            {
                done += await OnceAsync(sp => sp.GetRequiredService<Archive.LotArchiveService>().BuildAsync(id, now, ct), $"archive of lot {id}");
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or Sealing.Archive.ArchiveFormatException)
            {
                // A file of the record could not be read: nothing was stored; the next pass tries again, the other lots go on.
                ClockLog.ArchiveFailed(logger, id, e);
            }
        }

        return done;
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
            // Another node (or a person) changed it first; the next pass sees the stored result.
            ClockLog.Concurrent(logger, what);
            return 0;
        }
        catch (Platform.Errors.BusinessRuleException e)
        {
            ClockLog.Refused(logger, what, e.Message);
            return 0;
        }
        catch (Platform.Errors.InputValidationException e)
        {
            ClockLog.Refused(logger, what, string.Join(" ", e.Errors.SelectMany(x => x.Value)));
            return 0;
        }
    }

    // Takes every step that is due, each at its scheduled instant, and saves them with one Ledger entry each.
    private static async Task<bool> AdvanceAsync(IServiceProvider sp, Guid lotId, DateTimeOffset now, CancellationToken ct)
    {
        var db = sp.GetRequiredService<TradingDbContext>();
        var lot = await db.Lots.SingleAsync(l => l.Id == lotId, ct);
        var regime = await db.Projects.Where(p => p.Id == lot.ProjectId).Select(p => p.Regime).SingleAsync(ct);
        if (lot.Procedure(regime) is not { } procedure)
        {
            return false;
        }

        var s = procedure.Schedule;
        var drafts = new List<LedgerDraft>();
        while (true)
        {
            var from = procedure.State;
            if (from == LotState.Announced && s.DocumentsFrom <= now)
            {
                procedure.OpenDocumentSale(s.DocumentsFrom);
            }
            else if (from == LotState.DocumentsOnSale && s.DocumentsUntil <= now)
            {
                procedure.CloseDocumentSale(s.DocumentsUntil);
            }
            else if (from == LotState.BiddingOpen && s.Deadline <= now)
            {
                procedure.PassDeadline(s.Deadline);
            }
            else
            {
                break;
            }

            var step = procedure.History[^1];
            drafts.Add(new LedgerDraft("trading.lot.advanced", $"lot:{lot.TradeCode}", new
            {
                lot = lot.TradeCode,
                from = step.From.ToString(),
                to = step.To.ToString(),
                at = step.At,
                by = Actor,
            }));
        }

        if (drafts.Count == 0)
        {
            return false;
        }

        lot.Record(procedure, Actor);
        await sp.GetRequiredService<LedgerWriter>().SaveChangesAsync(db, drafts, ct);
        return true;
    }
}

/// <summary>Runs the procedure clock every <see cref="ProcedureClockOptions.IntervalSeconds"/> seconds.</summary>
internal sealed class ProcedureClockService(ProcedureClock procedureClock, IOptions<ProcedureClockOptions> options, TimeProvider clock,
    ILogger<ProcedureClockService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds)), clock);
        do
        {
            try
            {
                await procedureClock.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The clock must survive a failed pass (e.g. the database restarting); the next pass retries.
            catch (Exception e)
#pragma warning restore CA1031
            {
                ClockLog.Failed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

internal static partial class ClockLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Procedure clock: {What} was changed concurrently by another node; skipped.")]
    public static partial void Concurrent(ILogger logger, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Procedure clock: {What} could not proceed: {Reason}")]
    public static partial void Refused(ILogger logger, string what, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Procedure clock: the archive package of lot {LotId} could not be built; it is tried again on the next pass.")]
    public static partial void ArchiveFailed(ILogger logger, Guid lotId, Exception e);

    [LoggerMessage(Level = LogLevel.Error, Message = "Procedure clock: a pass failed.")]
    public static partial void Failed(ILogger logger, Exception e);
}
