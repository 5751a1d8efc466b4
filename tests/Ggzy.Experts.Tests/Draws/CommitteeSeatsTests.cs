using Ggzy.Experts.Contracts;
using Ggzy.Platform.Data;
using Ggzy.Platform.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Experts.Tests.Draws;

/// <summary>
/// The committee lookup the evaluation room uses (<see cref="ICommitteeSeats"/>): a lot's current draw with the members,
/// representatives and sites it requested, and only the drawn experts who have signed in, in seat order, each with the
/// platform account it signs in with (none while no account is linked), its pseudonym, specialty and site — never a name.
/// </summary>
public sealed class CommitteeSeatsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OfLot_GivesTheRequestedCommittee_AndOnlyTheSignedInSeats_WithTheirAccounts()
    {
        await using var host = await DrawTestHost.CreateAsync(Ct);
        var scenario = new DrawScenario(host);
        var pool = new Dictionary<Guid, PoolMember>();
        for (var i = 0; i < 6; i++)
        {
            var m = await host.AddExpertAsync("A0801");
            pool[m.Id] = m;
        }

        (await host.RunAsync(sp => sp.GetRequiredService<ICommitteeSeats>().OfLotAsync(scenario.LotId, Ct))).ShouldBeNull();
        var id = await scenario.RequestAsync(("A0801", 4));
        await scenario.DrawAtDeadlineAsync(id);
        var seats = (await scenario.DrawAsync(id)).Seats.OrderBy(s => s.Round).ThenBy(s => s.Position).ToList();
        foreach (var seat in seats)
        {
            await scenario.ConfirmAsync(pool[seat.ExpertId], seat.Id);
        }

        // Before anyone signs in: the committee as requested, no seat.
        var before = await host.RunAsync(sp => sp.GetRequiredService<ICommitteeSeats>().OfLotAsync(scenario.LotId, Ct));
        before.ShouldNotBeNull();
        before.DrawId.ShouldBe(id);
        before.LotId.ShouldBe(scenario.LotId);
        before.Members.ShouldBe(5);
        before.Representatives.ShouldBe(1);
        before.Sites.ShouldHaveSingleItem().Name.ShouldBe("安和市公共资源交易中心第一评标室");
        before.SignedIn.ShouldBeEmpty();

        // The third seat's expert has a platform account; the first's has none linked.
        await host.RunAsync(async sp =>
        {
            var platform = sp.GetRequiredService<PlatformDbContext>();
            platform.Users.Add(new PlatformUser
            {
                Id = pool[seats[2].ExpertId].UserId,
                UserName = "expert.committee",
                NormalizedUserName = "EXPERT.COMMITTEE",
                DisplayName = "评标专家",
                CreatedAt = host.Clock.GetUtcNow(),
            });
            return await platform.SaveChangesAsync(Ct);
        });

        host.Clock.SetUtcNow(DrawScenario.Evaluation.AddMinutes(-20));
        await scenario.SignInAsync(pool[seats[2].ExpertId], seats[2].Id);
        await scenario.SignInAsync(pool[seats[0].ExpertId], seats[0].Id);

        var committee = await host.RunAsync(sp => sp.GetRequiredService<ICommitteeSeats>().OfLotAsync(scenario.LotId, Ct));
        committee.ShouldNotBeNull();
        committee.SignedIn.Select(s => s.SeatId).ShouldBe([seats[0].Id, seats[2].Id]);
        committee.SignedIn.Select(s => s.ExpertId).ShouldBe([seats[0].ExpertId, seats[2].ExpertId]);
        committee.SignedIn[0].AccountUserName.ShouldBeNull();
        committee.SignedIn[1].AccountUserName.ShouldBe("expert.committee");
        committee.SignedIn.ShouldAllBe(s => s.Specialty == "A0801" && s.SpecialtyName != "A0801" && s.Site == 0);
        committee.SignedIn[0].Pseudonym.ShouldBe(seats[0].Pseudonym);
        committee.SignedIn.ShouldAllBe(s => s.SignedInAt == DrawScenario.Evaluation.AddMinutes(-20));

        // Another lot has no committee.
        (await host.RunAsync(sp => sp.GetRequiredService<ICommitteeSeats>().OfLotAsync(Guid.NewGuid(), Ct))).ShouldBeNull();
    }
}
