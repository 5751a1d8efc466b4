using Ggzy.Trading.Data;
using Ggzy.Trading.Demo;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Tests.Projects;

public sealed class ProjectDemoSeederTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seed_TwiceOnAFreshDatabase_GivesProjectsInEveryStatusOnce()
    {
        await using var host = await TradingTestHost.CreateAsync(Ct);

        await host.RunAsync(sp => Seeder(sp).SeedAsync(Ct));
        await host.RunAsync(sp => Seeder(sp).SeedAsync(Ct));

        var projects = await host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().Projects.AsNoTracking()
            .Include(p => p.Lots).ThenInclude(l => l.Steps).ToListAsync(Ct));
        projects.Select(p => p.Status).Distinct().Order().ShouldBe(Enum.GetValues<ProjectStatus>());
        projects.ShouldAllBe(p => TradeCodes.IsValidProject(p.TradeCode));
        projects.SelectMany(p => p.Lots).ShouldAllBe(l => TradeCodes.IsValidLot(l.TradeCode));
        projects.Select(p => p.TradeCode).ShouldBeUnique();
        var school = projects.Single(p => p.Name == ProjectDemoSeeder.SchoolProject);
        school.Lots.Single(l => l.Number == 1).State.ShouldBe(LotState.DocumentsOnSale);
        school.Lots.Single(l => l.Number == 1).Steps.Count.ShouldBe(2);
        projects.Single(p => p.Name == ProjectDemoSeeder.EquipmentProject).Lots.Single().State.ShouldBe(LotState.Announced);
        var bridge = projects.Single(p => p.Name == ProjectDemoSeeder.BridgeProject);
        bridge.SupervisoryDepartment.ShouldBe(SupervisoryDepartments.Transport);
        SupervisoryDepartments.IndustryOf(bridge.SupervisoryDepartment).ShouldBe(SupervisoryDepartments.TransportIndustry);
        projects.Where(p => p.Name != bridge.Name && p.Sector == Ggzy.Trading.Contracts.CatalogNames.Construction)
            .ShouldAllBe(p => p.SupervisoryDepartment == SupervisoryDepartments.Housing);
        (await host.LedgerAsync("trading.project.registered", Ct)).Count.ShouldBe(projects.Count);
    }

    private static ProjectDemoSeeder Seeder(IServiceProvider sp) => ActivatorUtilities.CreateInstance<ProjectDemoSeeder>(sp);
}
