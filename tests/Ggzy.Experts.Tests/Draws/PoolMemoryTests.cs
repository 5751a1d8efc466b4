using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Pool;
using Ggzy.Experts.Features.Draws;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Experts.Tests.Draws;

public sealed class PoolMemoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExpertsByIdentityKey_LooksUpOnlyDigestsNewToTheCopy()
    {
        var copy = new PoolCopy(1);
        var a = Guid.CreateVersion7();
        var b = Guid.CreateVersion7();
        var asked = new List<List<string>>();
        Task<Dictionary<string, Guid>> Read(List<string> missing)
        {
            asked.Add(missing);
            var known = new Dictionary<string, Guid>(StringComparer.Ordinal) { ["ka"] = a, ["kb"] = b };
            return Task.FromResult(missing.Where(known.ContainsKey).ToDictionary(k => k, k => known[k], StringComparer.Ordinal));
        }

        (await copy.ExpertsByIdentityKeyAsync(["ka", "nobody"], Read)).ShouldBe([a]);
        (await copy.ExpertsByIdentityKeyAsync(["nobody", "ka"], Read)).ShouldBe([a]);
        (await copy.ExpertsByIdentityKeyAsync(["ka", "kb"], Read)).Order().ShouldBe(new[] { a, b }.Order());

        asked.Count.ShouldBe(2);
        asked[0].Order().ShouldBe(["ka", "nobody"]);
        asked[1].ShouldBe(["kb"]);
    }

    [Fact]
    public async Task Read_AfterAnExpertGainsASpecialty_SeesTheChange()
    {
        await using var host = await DrawTestHost.CreateAsync(Ct);
        var first = await host.AddExpertAsync("A0801");
        var other = await host.AddExpertAsync("A0805");

        (await HoldersAsync(host, "A0801")).Select(h => h.Id).ShouldBe([first.Id]);

        var before = await VersionAsync(host);
        await host.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<ExpertsDbContext>();
            db.ExpertSpecialties.Add(new ExpertSpecialty { ExpertId = other.Id, SpecialtyCode = "A0801" });
            await db.SaveChangesAsync(Ct);
        });

        (await VersionAsync(host)).ShouldBe(before + 1);
        (await HoldersAsync(host, "A0801")).Select(h => h.Id).Order().ShouldBe(new[] { first.Id, other.Id }.Order());
    }

    [Fact]
    public async Task Read_AfterAnExpertsTitleChanges_SeesTheNewTitle()
    {
        await using var host = await DrawTestHost.CreateAsync(Ct);
        var member = await host.AddExpertAsync("A0801");
        (await HoldersAsync(host, "A0801")).ShouldHaveSingleItem().TitleLevel.ShouldBe(TitleLevel.DeputySenior);

        await host.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<ExpertsDbContext>();
            var expert = await db.Experts.SingleAsync(e => e.Id == member.Id, Ct);
            expert.TitleLevel = TitleLevel.Intermediate;
            await db.SaveChangesAsync(Ct);
        });

        (await HoldersAsync(host, "A0801")).ShouldHaveSingleItem().TitleLevel.ShouldBe(TitleLevel.Intermediate);
    }

    [Fact]
    public async Task Save_OfALeave_StartsANewCopyOfThePool()
    {
        await using var host = await DrawTestHost.CreateAsync(Ct);
        var member = await host.AddExpertAsync("A0801");
        var before = await host.RunAsync(sp => sp.GetRequiredService<PoolMemory>().CurrentAsync(sp.GetRequiredService<ExpertsDbContext>(), Ct));

        await host.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<ExpertsDbContext>();
            db.Leaves.Add(new ExpertLeave
            {
                Id = Guid.NewGuid(),
                ExpertId = member.Id,
                From = new DateOnly(2026, 12, 1),
                Until = new DateOnly(2026, 12, 5),
                Reason = "出差",
                RecordedBy = "expert",
                RecordedAt = host.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(Ct);
        });

        var after = await host.RunAsync(sp => sp.GetRequiredService<PoolMemory>().CurrentAsync(sp.GetRequiredService<ExpertsDbContext>(), Ct));
        after.ShouldNotBeSameAs(before);
        after.Version.ShouldBe(before.Version + 1);
    }

    [Fact]
    public async Task Save_WithoutAPoolChange_LeavesTheCounter()
    {
        await using var host = await DrawTestHost.CreateAsync(Ct);
        await host.AddExpertAsync("A0801");
        var before = await VersionAsync(host);

        await new DrawScenario(host).RequestAsync(("A0801", 4));

        (await VersionAsync(host)).ShouldBe(before);
    }

    private static Task<List<PoolHolder>> HoldersAsync(DrawTestHost host, string code) => host.RunAsync(sp =>
        HoldersAsync(sp, code));

    private static async Task<List<PoolHolder>> HoldersAsync(IServiceProvider sp, string code)
    {
        var db = sp.GetRequiredService<ExpertsDbContext>();
        var pool = await sp.GetRequiredService<PoolMemory>().CurrentAsync(db, Ct);
        return await pool.HoldersAsync(db, [code], Ct);
    }

    private static Task<long> VersionAsync(DrawTestHost host) => host.RunAsync(sp =>
        sp.GetRequiredService<ExpertsDbContext>().PoolVersions.AsNoTracking().Select(v => v.Value).SingleAsync(Ct));
}
