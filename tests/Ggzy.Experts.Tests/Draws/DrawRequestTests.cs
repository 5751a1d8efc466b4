using Ggzy.Experts.Contracts;
using Ggzy.Experts.Drawing;
using Ggzy.Experts.Features.Draws;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Experts.Tests.Draws;

public sealed class DrawRequestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Request_ByTheTenderer_IsRecordedAndDueTheLeadTimeBeforeTheEvaluationButNotBeforeTheDeadline()
    {
        await using var host = await DrawTestHost.CreateAsync(Ct);
        var scenario = new DrawScenario(host);

        var id = await scenario.RequestAsync(("A0801", 3), ("A0805", 1));

        var draw = await scenario.DrawAsync(id);
        draw.Members.ShouldBe(5);
        draw.DrawAt.ShouldBe(DrawScenario.Deadline); // evaluation − 24 h is before the deadline
        (await host.LedgerAsync(DrawLedger.Requested, Ct)).ShouldHaveSingleItem().Subject.ShouldBe($"draw:{id}");
    }

    [Fact]
    public async Task Request_ThatBreaksAComposition_Rule_IsRefusedNamingTheRule()
    {
        await using var host = await DrawTestHost.CreateAsync(Ct);
        var scenario = new DrawScenario(host);
        host.Lots.Set(scenario.Lot());
        var input = DrawScenario.Request(scenario.LotId, DrawScenario.Evaluation, ("A0801", 3)) with { Members = 4 };

        var e = await Should.ThrowAsync<BusinessRuleException>(() => host.RunAsync(sp => sp.GetRequiredService<DrawRequests>().RequestAsync(scenario.TendererUser, input, Ct)));

        e.Code.ShouldBe(CommitteeRules.MembersCode);
        e.Message.ShouldContain("评标委员会成员应为 5 人以上单数");
        e.Citation.ShouldBe("《中华人民共和国招标投标法》第三十七条");
    }

    [Fact]
    public async Task Request_OfAProcurementOfTwelveMillionWithFiveMembers_IsRefusedUnderOrder87()
    {
        await using var host = await DrawTestHost.CreateAsync(Ct);
        var scenario = new DrawScenario(host);
        host.Lots.Set(scenario.Lot(regime: DrawRegime.Procurement, budget: 12_000_000m));

        var e = await Should.ThrowAsync<BusinessRuleException>(() => host.RunAsync(sp => sp.GetRequiredService<DrawRequests>()
            .RequestAsync(scenario.TendererUser, DrawScenario.Request(scenario.LotId, DrawScenario.Evaluation, ("C0101", 4)), Ct)));

        e.Message.ShouldContain("评标委员会成员应为 7 人以上单数");
    }

    [Fact]
    public async Task Request_WithTheEvaluationBeforeTheBidDeadline_IsRefused()
    {
        await using var host = await DrawTestHost.CreateAsync(Ct);
        var scenario = new DrawScenario(host);
        host.Lots.Set(scenario.Lot());

        var e = await Should.ThrowAsync<BusinessRuleException>(() => host.RunAsync(sp => sp.GetRequiredService<DrawRequests>()
            .RequestAsync(scenario.TendererUser, DrawScenario.Request(scenario.LotId, DrawScenario.Deadline.AddMinutes(-30), ("A0801", 4)), Ct)));

        e.Code.ShouldBe(DrawErrors.CodeTime);
        e.Message.ShouldContain("应晚于投标截止时间");
    }

    [Fact]
    public async Task Request_WithAnUnknownSpecialty_IsInvalidInput()
    {
        await using var host = await DrawTestHost.CreateAsync(Ct);
        var scenario = new DrawScenario(host);
        host.Lots.Set(scenario.Lot());

        var e = await Should.ThrowAsync<InputValidationException>(() => host.RunAsync(sp => sp.GetRequiredService<DrawRequests>()
            .RequestAsync(scenario.TendererUser, DrawScenario.Request(scenario.LotId, DrawScenario.Evaluation, ("Z99", 4)), Ct)));

        e.Errors["demands"].ShouldHaveSingleItem().ShouldContain("“Z99”不在评标专家专业分类表中");
    }

    [Fact]
    public async Task Request_ByAnOrganisationThatDoesNotRunTheLot_IsNotFound()
    {
        await using var host = await DrawTestHost.CreateAsync(Ct);
        var scenario = new DrawScenario(host);
        host.Lots.Set(scenario.Lot());
        var bidder = DrawTestHost.User(Roles.Tenderer, Guid.NewGuid());

        await Should.ThrowAsync<NotFoundException>(() => host.RunAsync(sp => sp.GetRequiredService<DrawRequests>()
            .RequestAsync(bidder, DrawScenario.Request(scenario.LotId, DrawScenario.Evaluation, ("A0801", 4)), Ct)));
    }

    [Fact]
    public async Task Request_ASecondOneForTheSameLot_IsRefusedUntilTheFirstIsCancelled()
    {
        await using var host = await DrawTestHost.CreateAsync(Ct);
        var scenario = new DrawScenario(host);
        var first = await scenario.RequestAsync(("A0801", 4));

        (await Should.ThrowAsync<BusinessRuleException>(() => scenario.RequestAsync(("A0801", 4)))).Code.ShouldBe(DrawErrors.CodeExists);
        await host.RunAsync(sp => sp.GetRequiredService<DrawRequests>().CancelAsync(scenario.TendererUser, first, Ct));
        await scenario.RequestAsync(("A0801", 4));
    }
}
