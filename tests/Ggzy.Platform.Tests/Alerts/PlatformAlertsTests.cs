using System.Data.Common;
using Ggzy.Platform.Alerts;
using Ggzy.Platform.Data;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ggzy.Platform.Tests.Alerts;

public sealed class PlatformAlertsTests : IAsyncDisposable
{
    private readonly TestDatabase _t = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _t.DisposeAsync();

    [Fact]
    public async Task Raise_SameKeyTwice_KeepsOneAlertAndOneLedgerEntry()
    {
        var first = await _t.Alerts.RaiseAsync("calendar.unknown-year.2030", "calendar.unknown-year", "缺少 2030 年日历", Roles.Regulator, Ct);
        var second = await _t.Alerts.RaiseAsync("calendar.unknown-year.2030", "calendar.unknown-year", "再次提醒", Roles.Regulator, Ct);

        second.Id.ShouldBe(first.Id);
        second.Message.ShouldBe("缺少 2030 年日历");
        await using var db = _t.NewContext();
        (await db.Alerts.CountAsync(Ct)).ShouldBe(1);
        var entry = (await _t.LedgerAsync("platform.alert.raised", Ct)).ShouldHaveSingleItem();
        entry.Subject.ShouldBe("alert:calendar.unknown-year.2030");
        entry.Payload.ShouldContain("\"audience\":\"Regulator\"");
    }

    [Fact]
    public async Task Raise_OtherRequestInsertsSameKeyFirst_ReturnsThatAlert()
    {
        var name = "race-" + Guid.NewGuid().ToString("N");
        var connectionString = $"Data Source={name};Mode=Memory;Cache=Shared";
        await using var keepAlive = new SqliteConnection(connectionString);
        await keepAlive.OpenAsync(Ct);
        await using var winner = Context(connectionString);
        await winner.Database.EnsureCreatedAsync(Ct);
        var race = new InsertBeforeTransaction(winner);
        await using var loser = Context(connectionString, race);
        var alerts = new PlatformAlerts(loser, new LedgerWriter(_t.Clock, new SystemActorAccessor()), _t.Clock);

        var raised = await alerts.RaiseAsync("race.key", "test", "本请求的预警", Roles.Regulator, Ct);

        race.Inserted.ShouldBeTrue();
        raised.Message.ShouldBe("先到请求的预警");
        (await winner.Alerts.CountAsync(Ct)).ShouldBe(1);
        (await winner.LedgerEntries.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Acknowledge_ById_ClosesAlertOnceAndRecordsWho()
    {
        var alert = await _t.Alerts.RaiseAsync("k1", "test", "请处理", Roles.Regulator, Ct);
        _t.Clock.Advance(TimeSpan.FromHours(1));

        await _t.Alerts.AcknowledgeAsync(alert.Id, "公管办张三", Ct);
        await _t.Alerts.AcknowledgeAsync(alert.Id, "公管办李四", Ct);

        (await _t.Alerts.ListOpenAsync(Roles.Regulator, Ct)).ShouldBeEmpty();
        await using var db = _t.NewContext();
        var stored = await db.Alerts.SingleAsync(Ct);
        stored.AcknowledgedBy.ShouldBe("公管办张三");
        stored.AcknowledgedAt.ShouldBe(_t.Clock.GetUtcNow());
        (await _t.LedgerAsync("platform.alert.acknowledged", Ct)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Acknowledge_UnknownIdOrKey_IsNotFound()
    {
        await Should.ThrowAsync<NotFoundException>(() => _t.Alerts.AcknowledgeAsync(Guid.NewGuid(), "公管办张三", Ct));
        (await _t.Alerts.AcknowledgeAsync("no.such.key", "公管办张三", Ct)).ShouldBeFalse();
        (await _t.LedgerAsync("platform.alert.acknowledged", Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListOpen_ForRole_ReturnsOnlyThatRolesOpenAlertsOldestFirst()
    {
        await _t.Alerts.RaiseAsync("a", "test", "第一条", Roles.Regulator, Ct);
        _t.Clock.Advance(TimeSpan.FromMinutes(5));
        await _t.Alerts.RaiseAsync("b", "test", "第二条", Roles.Regulator, Ct);
        await _t.Alerts.RaiseAsync("c", "test", "管理员的", Roles.CenterAdministrator, Ct);
        await _t.Alerts.RaiseAsync("d", "test", "已处理", Roles.Regulator, Ct);
        await _t.Alerts.AcknowledgeAsync("d", "公管办张三", Ct);

        var open = await _t.Alerts.ListOpenAsync(Roles.Regulator, Ct);

        open.Select(a => a.Key).ShouldBe(["a", "b"]);
    }

    private static PlatformDbContext Context(string connectionString, params IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite(connectionString).AddInterceptors(interceptors).Options);

    /// <summary>Just before the loser's transaction starts, another request commits an alert with the same key.</summary>
    private sealed class InsertBeforeTransaction(PlatformDbContext winner) : DbTransactionInterceptor
    {
        public bool Inserted { get; private set; }

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (!Inserted)
            {
                Inserted = true;
                winner.Alerts.Add(new PlatformAlert
                {
                    Id = Guid.NewGuid(),
                    Key = "race.key",
                    Kind = "test",
                    Message = "先到请求的预警",
                    Audience = Roles.Regulator,
                });
                await winner.SaveChangesAsync(cancellationToken);
            }

            return result;
        }
    }
}
