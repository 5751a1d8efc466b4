using Ggzy.Trading.Data;
using Ggzy.Trading.Demo;
using Ggzy.Trading.Domain.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Tests.Documents;

public sealed class DocumentDemoSeederTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seed_TwiceAfterTheProjects_GivesDocumentsDownloadsAClarificationAndAnAnsweredObjectionOnce()
    {
        await using var host = await TradingTestHost.CreateAsync(Ct);
        await host.RunAsync(sp => ActivatorUtilities.CreateInstance<ProjectDemoSeeder>(sp).SeedAsync(Ct));

        await host.RunAsync(sp => ActivatorUtilities.CreateInstance<DocumentDemoSeeder>(sp).SeedAsync(Ct));
        await host.RunAsync(sp => ActivatorUtilities.CreateInstance<DocumentDemoSeeder>(sp).SeedAsync(Ct));

        await host.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<TradingDbContext>();
            (await db.LotDocuments.CountAsync(Ct)).ShouldBe(3);
            (await db.DocumentDownloads.Select(d => d.OrganizationId).Distinct().CountAsync(Ct)).ShouldBe(2);
            (await db.Clarifications.CountAsync(Ct)).ShouldBe(1);
            var objection = await db.Objections.SingleAsync(Ct);
            objection.IsAnswered.ShouldBeTrue();
            (await db.TradingNotices.CountAsync(Ct)).ShouldBe(3);
            var school = await db.Projects.SingleAsync(p => p.Name == ProjectDemoSeeder.SchoolProject, Ct);
            var works = await db.Lots.Include(l => l.Steps).SingleAsync(l => l.ProjectId == school.Id && l.Number == 1, Ct);
            works.State.ShouldBe(LotState.DocumentsOnSale);
            works.Steps.OrderBy(s => s.Id).Select(s => s.To).ShouldBe([LotState.Announced, LotState.DocumentsOnSale, LotState.Paused, LotState.DocumentsOnSale]);
            return true;
        });
    }
}
