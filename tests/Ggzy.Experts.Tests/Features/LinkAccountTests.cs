using Ggzy.Experts.Contracts;
using Ggzy.Experts.Features;
using Ggzy.Experts.Features.Pool;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Experts.Tests.Features;

/// <summary>An expert's platform account: one per expert, role Expert only, on the Ledger.</summary>
public sealed class LinkAccountTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<Guid> AccountAsync(ExpertsTestHost host, string userName, string role) => host.RunAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<PlatformUser>>();
        var user = new PlatformUser { Id = Guid.NewGuid(), UserName = userName, DisplayName = userName, CreatedAt = host.Clock.GetUtcNow() };
        (await users.CreateAsync(user, "Ggzy@2026-test")).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return user.Id;
    });

    private static Task Link(ExpertsTestHost host, Guid expert, string userName) =>
        host.RunAsync(sp => sp.GetRequiredService<LinkExpertAccountHandler>().LinkAsync(expert, userName, Ct));

    [Fact]
    public async Task Link_AnExpertAccount_MakesThePoolFindTheExpertByUser_OnceOnly()
    {
        await using var host = await ExpertsTestHost.CreateAsync(Ct);
        var first = await host.AddAsync(ExpertSamples.Engineer(host.Today), Ct);
        var second = await host.AddAsync(ExpertSamples.Accountant(host.Today), Ct);
        var account = await AccountAsync(host, "ouyang", Roles.Expert);

        await Link(host, first, "ouyang");
        var twice = await Should.ThrowAsync<BusinessRuleException>(() => Link(host, second, "ouyang"));

        (await host.RunAsync(sp => sp.GetRequiredService<IExpertPool>().FindByUserAsync(account, Ct)))!.Id.ShouldBe(first);
        twice.Code.ShouldBe("EXPERT_ACCOUNT_LINKED");
        (await host.LedgerAsync(ExpertsLedger.AccountLinked, Ct)).ShouldHaveSingleItem().Payload.ShouldContain("ouyang");
    }

    [Fact]
    public async Task Link_AnAccountOfAnotherRole_IsRefused()
    {
        await using var host = await ExpertsTestHost.CreateAsync(Ct);
        var expert = await host.AddAsync(ExpertSamples.Engineer(host.Today), Ct);
        await AccountAsync(host, "someclerk", Roles.CenterStaff);

        var refusal = await Should.ThrowAsync<BusinessRuleException>(() => Link(host, expert, "someclerk"));

        refusal.Code.ShouldBe("EXPERT_ACCOUNT_INVALID");
        (await host.LedgerAsync(ExpertsLedger.AccountLinked, Ct)).ShouldBeEmpty();
    }
}
