using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ggzy.Trading.Tests.Announcements.AnnouncementTestData;

namespace Ggzy.Trading.Tests.Projects;

/// <summary>Two decisions on the same registration at once: the second finds the status changed and is not saved.</summary>
public sealed class ProjectConcurrencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SecondDecision_OnAStatusChangedMeanwhile_IsNotSaved()
    {
        await using var host = await TradingTestHost.CreateAsync(Ct);
        var project = await AcceptedProjectAsync(host, Regime.Tender, Ct);
        await using var first = host.Scope();
        await using var second = host.Scope();
        var a = await first.ServiceProvider.GetRequiredService<TradingDbContext>().Projects.SingleAsync(p => p.Id == project.Id, Ct);
        var b = await second.ServiceProvider.GetRequiredService<TradingDbContext>().Projects.SingleAsync(p => p.Id == project.Id, Ct);

        a.Status = ProjectStatus.Refused;
        await first.ServiceProvider.GetRequiredService<TradingDbContext>().SaveChangesAsync(Ct);
        b.Status = ProjectStatus.Exempted;

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.ServiceProvider.GetRequiredService<TradingDbContext>().SaveChangesAsync(Ct));
        var stored = await host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().Projects.AsNoTracking().SingleAsync(p => p.Id == project.Id, Ct));
        stored.Status.ShouldBe(ProjectStatus.Refused);
    }
}
