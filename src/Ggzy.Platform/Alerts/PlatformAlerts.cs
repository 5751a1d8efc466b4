using Ggzy.Platform.Data;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Platform.Alerts;

/// <summary>
/// Raises, acknowledges and lists the platform's own alerts. One alert per key, however often it is raised.
/// With a scope factory (as in the host) an alert is raised in a unit of work of its own, so that raising one in the
/// middle of a caller's use case never saves the caller's pending changes under the alert's ledger entry.
/// </summary>
public sealed class PlatformAlerts(PlatformDbContext db, LedgerWriter ledger, TimeProvider clock, IServiceScopeFactory? isolation = null)
{
    public async Task<PlatformAlert> RaiseAsync(string key, string kind, string message, string audienceRole, CancellationToken ct)
    {
        if (isolation is null)
        {
            return await RaiseHereAsync(key, kind, message, audienceRole, ct);
        }

        await using var scope = isolation.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformAlerts>().RaiseHereAsync(key, kind, message, audienceRole, ct);
    }

    private async Task<PlatformAlert> RaiseHereAsync(string key, string kind, string message, string audienceRole, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (await FindAsync(key, ct) is { } existing)
        {
            return existing;
        }

        var now = clock.GetUtcNow();
        var alert = new PlatformAlert
        {
            Id = Guid.CreateVersion7(now),
            Key = key,
            Kind = kind,
            Message = message,
            Audience = audienceRole,
            RaisedAt = now,
        };
        db.Alerts.Add(alert);
        try
        {
            await ledger.SaveChangesAsync(db, new LedgerDraft("platform.alert.raised", Subject(key),
                new { alert.Id, key, kind, message, audience = audienceRole }), ct);
            return alert;
        }
        catch (DbUpdateException)
        {
            // Another request raised the same key between the check and the insert: the unique index kept one.
            db.Entry(alert).State = EntityState.Detached;
            var winner = await FindAsync(key, ct);
            if (winner is null)
            {
                throw;
            }

            return winner;
        }
    }

    /// <summary>Acknowledges the alert with this key, if there is one; returns whether there was.</summary>
    public async Task<bool> AcknowledgeAsync(string key, string by, CancellationToken ct)
    {
        var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Key == key, ct);
        if (alert is not null)
        {
            await AcknowledgeAsync(alert, by, ct);
        }

        return alert is not null;
    }

    public async Task AcknowledgeAsync(Guid id, string by, CancellationToken ct)
    {
        var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException("未找到该预警，它可能已被删除或编号有误。");
        await AcknowledgeAsync(alert, by, ct);
    }

    public async Task<IReadOnlyList<PlatformAlert>> ListOpenAsync(string audienceRole, CancellationToken ct)
    {
        var open = await db.Alerts.AsNoTracking()
            .Where(a => a.Audience == audienceRole && a.AcknowledgedAt == null)
            .ToListAsync(ct);
        return [.. open.OrderBy(a => a.RaisedAt)];
    }

    private async Task AcknowledgeAsync(PlatformAlert alert, string by, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (alert.AcknowledgedAt is not null)
        {
            return;
        }

        alert.AcknowledgedAt = clock.GetUtcNow();
        alert.AcknowledgedBy = by;
        await ledger.SaveChangesAsync(db, new LedgerDraft("platform.alert.acknowledged", Subject(alert.Key),
            new { alert.Id, alert.Key, acknowledgedBy = by }), ct);
    }

    private Task<PlatformAlert?> FindAsync(string key, CancellationToken ct) =>
        db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Key == key, ct);

    private static string Subject(string key) => "alert:" + key;
}
