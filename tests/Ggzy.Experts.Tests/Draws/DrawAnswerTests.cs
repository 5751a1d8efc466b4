using Ggzy.Experts.Contracts.Drawing;
using Ggzy.Experts.Domain.Draws;
using Ggzy.Experts.Features.Draws;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Experts.Tests.Draws;

public sealed class DrawAnswerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(DrawTestHost Host, DrawScenario Scenario, Guid DrawId, Dictionary<Guid, PoolMember> Pool)> DrawnAsync(int pool = 8, int seats = 4)
    {
        var host = await DrawTestHost.CreateAsync(Ct);
        var scenario = new DrawScenario(host);
        var members = new Dictionary<Guid, PoolMember>();
        for (var i = 0; i < pool; i++)
        {
            var m = await host.AddExpertAsync("A0801");
            members[m.Id] = m;
        }

        var id = await scenario.RequestAsync(("A0801", seats));
        await scenario.DrawAtDeadlineAsync(id);
        return (host, scenario, id, members);
    }

    [Fact]
    public async Task Answer_WithAWrongCode_IsRefusedAndCounted_UntilTheCodeIsVoid()
    {
        var (host, scenario, id, pool) = await DrawnAsync();
        await using var _ = host;
        var seat = (await scenario.DrawAsync(id)).Seats.First();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var e = await Should.ThrowAsync<BusinessRuleException>(() => scenario.AnswerAsync(pool[seat.ExpertId], seat.Id, "000000x", accept: true));
            e.Message.ShouldContain(attempt < 5 ? $"还可尝试 {5 - attempt} 次" : "已失效");
        }

        (await Should.ThrowAsync<BusinessRuleException>(() => scenario.ConfirmAsync(pool[seat.ExpertId], seat.Id))).Message.ShouldContain("已失效");
        (await host.LedgerAsync(DrawLedger.CodeRejected, Ct)).Count.ShouldBe(5);
    }

    [Fact]
    public async Task Answer_ToAnotherExpertsSeat_IsNotFound()
    {
        var (host, scenario, id, pool) = await DrawnAsync();
        await using var _ = host;
        var draw = await scenario.DrawAsync(id);
        var outsider = pool.Values.First(m => draw.Seats.All(s => s.ExpertId != m.Id));

        await Should.ThrowAsync<NotFoundException>(() => scenario.ConfirmAsync(outsider, draw.Seats.First().Id));
    }

    [Fact]
    public async Task Decline_AndNoAnswerInTime_AreDrawnAgainInReplacementRounds_FromThoseNotDrawnBefore()
    {
        var (host, scenario, id, pool) = await DrawnAsync(pool: 8, seats: 4);
        await using var _ = host;
        var first = (await scenario.DrawAsync(id)).Seats.OrderBy(s => s.Position).ToList();

        (await scenario.AnswerAsync(pool[first[0].ExpertId], first[0].Id, await scenario.CodeAsync(first[0].Id, DrawNotifier.Invitation), accept: false, "出差在外"))
            .ShouldBe(SeatState.Declined);
        (await scenario.ConfirmAsync(pool[first[1].ExpertId], first[1].Id)).ShouldBe(SeatState.Confirmed);
        (await scenario.ConfirmAsync(pool[first[2].ExpertId], first[2].Id)).ShouldBe(SeatState.Confirmed);
        await scenario.ClockAsync();

        var afterDecline = await scenario.DrawAsync(id);
        afterDecline.Rounds.Count.ShouldBe(2);
        var second = afterDecline.Seats.Single(s => s.Round == 2);
        second.Specialty.ShouldBe("A0801");
        first.Select(s => s.ExpertId).ShouldNotContain(second.ExpertId);
        afterDecline.Seats.Single(s => s.Id == first[0].Id).ReplacedInRound.ShouldBe(2);

        host.Clock.Advance(TimeSpan.FromMinutes(31)); // seat 4 of round 1 and the round-2 seat run out of time
        await scenario.ClockAsync();

        var afterExpiry = await scenario.DrawAsync(id);
        afterExpiry.Seats.Single(s => s.Id == first[3].Id).State.ShouldBe(SeatState.NoAnswer);
        afterExpiry.Seats.Single(s => s.Id == second.Id).State.ShouldBe(SeatState.NoAnswer);
        var third = afterExpiry.Seats.Where(s => s.Round == 3).ToList();
        third.Count.ShouldBe(2);
        third.Select(s => s.ExpertId).ShouldAllBe(e => !first.Select(f => f.ExpertId).Contains(e) && e != second.ExpertId);
        (await host.LedgerAsync(DrawLedger.NoAnswer, Ct)).Count.ShouldBe(2);

        foreach (var seat in third)
        {
            await scenario.ConfirmAsync(pool[seat.ExpertId], seat.Id);
        }

        (await scenario.DrawAsync(id)).State.ShouldBe(DrawState.Complete);
        (await host.LedgerAsync(DrawLedger.Complete, Ct)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Replacement_WhenThePoolIsExhausted_FailsTheDrawAndCancelsUnansweredSeats()
    {
        var (host, scenario, id, pool) = await DrawnAsync(pool: 4, seats: 4);
        await using var _ = host;
        var seats = (await scenario.DrawAsync(id)).Seats.OrderBy(s => s.Position).ToList();
        await scenario.AnswerAsync(pool[seats[0].ExpertId], seats[0].Id, await scenario.CodeAsync(seats[0].Id, DrawNotifier.Invitation), accept: false);

        await scenario.ClockAsync();

        var draw = await scenario.DrawAsync(id);
        draw.State.ShouldBe(DrawState.Failed);
        draw.FailureReason.ShouldNotBeNull().ShouldContain("符合条件的专家只有 0 人，需要抽取 1 人");
        draw.Seats.Where(s => s.Id != seats[0].Id).ShouldAllBe(s => s.State == SeatState.Cancelled);
    }

    [Fact]
    public async Task SignIn_RevealsTheNameToTheLotsCenterOnly_AfterTheCommitmentIsSigned()
    {
        var (host, scenario, id, pool) = await DrawnAsync(pool: 6, seats: 4);
        await using var _ = host;
        var seats = (await scenario.DrawAsync(id)).Seats.ToList();
        foreach (var seat in seats)
        {
            await scenario.ConfirmAsync(pool[seat.ExpertId], seat.Id);
        }

        var early = await Should.ThrowAsync<BusinessRuleException>(() => scenario.SignInAsync(pool[seats[0].ExpertId], seats[0].Id));
        early.Code.ShouldBe(DrawErrors.CodeSignInTime);

        host.Clock.SetUtcNow(DrawScenario.Evaluation.AddMinutes(-20));
        var unsigned = await Should.ThrowAsync<BusinessRuleException>(() => host.RunAsync(async sp => await sp.GetRequiredService<DrawAnswers>().SignInAsync(
            DrawScenario.ExpertUser(pool[seats[0].ExpertId]), seats[0].Id,
            new Contracts.DrawSignInInput(await scenario.CodeAsync(seats[0].Id, DrawNotifier.Confirmation), false, null), Ct)));
        unsigned.Code.ShouldBe(DrawErrors.CodeCommitment);
        await scenario.SignInAsync(pool[seats[0].ExpertId], seats[0].Id);

        var clerk = await host.RunAsync(sp => sp.GetRequiredService<DrawQueries>().DrawAsync(scenario.Clerk, id, Ct));
        var tenderer = await host.RunAsync(sp => sp.GetRequiredService<DrawQueries>().DrawAsync(scenario.TendererUser, id, Ct));
        var otherCenter = await host.RunAsync(sp => sp.GetRequiredService<DrawQueries>().DrawAsync(
            DrawTestHost.User(Roles.CenterStaff, Guid.NewGuid(), "elsewhere"), id, Ct));
        var regulator = await host.RunAsync(sp => sp.GetRequiredService<DrawQueries>().DrawAsync(DrawTestHost.User(Roles.Regulator, Guid.NewGuid()), id, Ct));

        var signed = clerk.Seats.Single(s => s.SeatId == seats[0].Id);
        signed.ExpertName.ShouldNotBeNull().ShouldStartWith("专家");
        signed.ExpertCode.ShouldBe(pool[seats[0].ExpertId].Code);
        clerk.Seats.Where(s => s.SeatId != seats[0].Id).ShouldAllBe(s => s.ExpertName == null && s.ExpertCode == null);
        new[] { tenderer, otherCenter, regulator }.SelectMany(v => v.Seats).ShouldAllBe(s => s.ExpertName == null && s.ExpertCode == null);
        var signedIn = (await host.LedgerAsync(DrawLedger.SignedIn, Ct)).ShouldHaveSingleItem();
        signedIn.Payload.ShouldContain(Contracts.ExpertCommitments.Current.Digest);
        (await host.LedgerAsync("experts.identity.read", Ct)).Last().Payload.ShouldContain("专家签到后向交易中心显示姓名");
    }

    [Fact]
    public async Task Close_AfterTheEvaluation_RevealsTheSeeds_AndThePublicRecordVerifies_ButNotATamperedOne()
    {
        var (host, scenario, id, pool) = await DrawnAsync(pool: 8, seats: 4);
        await using var _ = host;
        var seats = (await scenario.DrawAsync(id)).Seats.OrderBy(s => s.Position).ToList();
        await scenario.AnswerAsync(pool[seats[0].ExpertId], seats[0].Id, await scenario.CodeAsync(seats[0].Id, DrawNotifier.Invitation), accept: false);
        await scenario.ClockAsync();
        (await Should.ThrowAsync<BusinessRuleException>(() => host.RunAsync(sp => sp.GetRequiredService<DrawQueries>().RecordAsync(id, Ct))))
            .Code.ShouldBe(DrawErrors.CodeNotPublished);
        (await Should.ThrowAsync<BusinessRuleException>(() => host.RunAsync(sp => sp.GetRequiredService<DrawHosting>().CloseAsync(scenario.Clerk, id, Ct))))
            .Message.ShouldContain("之前不能结束抽取");

        host.Clock.SetUtcNow(DrawScenario.Evaluation.AddHours(4));
        await host.RunAsync(sp => sp.GetRequiredService<DrawHosting>().CloseAsync(scenario.Clerk, id, Ct));
        var record = await host.RunAsync(sp => sp.GetRequiredService<DrawQueries>().RecordAsync(id, Ct));

        record.Rounds.Count.ShouldBe(2);
        record.Rounds.ShouldAllBe(r => r.Seed != null && r.LedgerSequence > 0);
        record.Rounds[0].Selection[0].Outcome.ShouldBe(SeatOutcomes.Declined);
        DrawVerifier.Verify(record).Findings.ShouldBeEmpty();
        (await host.LedgerAsync(DrawLedger.Closed, Ct)).ShouldHaveSingleItem().Payload.ShouldContain(record.Rounds[1].Seed!);

        var lines = record.Rounds[0].Snapshot.Split('\n').ToList();
        lines.RemoveAt(lines.FindLastIndex(l => l.StartsWith("candidate ", StringComparison.Ordinal)));
        var tampered = record with { Rounds = [record.Rounds[0] with { Snapshot = string.Join('\n', lines) }, record.Rounds[1]] };
        DrawVerifier.Verify(tampered).Findings.Select(f => f.Code).ShouldContain("snapshot-digest");
    }
}
