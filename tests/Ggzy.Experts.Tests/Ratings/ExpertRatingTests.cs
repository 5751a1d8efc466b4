using Ggzy.Experts.Contracts;
using Ggzy.Experts.Domain.Draws;
using Ggzy.Experts.Features;
using Ggzy.Experts.Features.Draws;
using Ggzy.Experts.Features.Ratings;
using Ggzy.Experts.Tests.Draws;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Experts.Tests.Ratings;

/// <summary>一标一评 (R24, Wuhan §11): once per expert, lot and rater, only for experts who served, after the evaluation.</summary>
public sealed class ExpertRatingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Four seats drawn; the fourth declines and is drawn again; everyone else confirms; three sign in at the evaluation,
    /// the replacement does not. Closed <paramref name="close"/>.
    /// </summary>
    private static async Task<(DrawTestHost Host, DrawScenario Scenario, List<DrawSeat> Seats, Dictionary<Guid, PoolMember> Pool)> EvaluatedAsync(bool close = true)
    {
        var host = await DrawTestHost.CreateAsync(Ct);
        var scenario = new DrawScenario(host);
        var pool = new Dictionary<Guid, PoolMember>();
        for (var i = 0; i < 8; i++)
        {
            var m = await host.AddExpertAsync("A0801");
            pool[m.Id] = m;
        }

        var id = await scenario.RequestAsync(("A0801", 4));
        await scenario.DrawAtDeadlineAsync(id);
        var first = (await scenario.DrawAsync(id)).Seats.OrderBy(s => s.Position).ToList();
        await scenario.AnswerAsync(pool[first[3].ExpertId], first[3].Id, await scenario.CodeAsync(first[3].Id, DrawNotifier.Invitation), accept: false, reason: "出差");
        await scenario.ClockAsync();
        var seats = (await scenario.DrawAsync(id)).Seats.OrderBy(s => s.Round).ThenBy(s => s.Position).ToList();
        foreach (var seat in seats.Where(s => s.State == SeatState.Notified))
        {
            await scenario.ConfirmAsync(pool[seat.ExpertId], seat.Id);
        }

        host.Clock.SetUtcNow(DrawScenario.Evaluation.AddMinutes(-20));
        foreach (var seat in first.Take(3))
        {
            await scenario.SignInAsync(pool[seat.ExpertId], seat.Id);
        }

        if (close)
        {
            host.Clock.SetUtcNow(DrawScenario.Evaluation.AddHours(4));
            await host.RunAsync(sp => sp.GetRequiredService<DrawHosting>().CloseAsync(scenario.Clerk, id, Ct));
        }

        return (host, scenario, (await scenario.DrawAsync(id)).Seats.OrderBy(s => s.Round).ThenBy(s => s.Position).ToList(), pool);
    }

    private static Task<Ggzy.Experts.Domain.Ratings.ExpertRating> Rate(DrawTestHost host, System.Security.Claims.ClaimsPrincipal user, Guid seat, int? score, string? comment = null) =>
        host.RunAsync(sp => sp.GetRequiredService<RateExpertHandler>().RateAsync(user, new RatingInput { SeatId = seat, Score = score, Comment = comment }, Ct));

    [Fact]
    public async Task CenterAndTenderer_EachRateAServedExpertOnce_OnTheLedger_AndTheRecordCountsIt()
    {
        var (host, scenario, seats, _) = await EvaluatedAsync();
        await using var _ = host;
        var served = seats.First(s => s.State == SeatState.SignedIn);

        var center = await Rate(host, scenario.Clerk, served.Id, 88, "评审认真");
        var again = await Should.ThrowAsync<BusinessRuleException>(() => Rate(host, scenario.Clerk, served.Id, 95));
        var tenderer = await Rate(host, scenario.TendererUser, served.Id, 70);

        center.Rater.ShouldBe(RaterKind.Center);
        center.Grade.ShouldBe(ExpertGrade.Competent);
        tenderer.Rater.ShouldBe(RaterKind.Tenderer);
        tenderer.Grade.ShouldBe(ExpertGrade.BasicallyCompetent);
        again.Code.ShouldBe("EXPERT_RATING_EXISTS");
        again.Status.ShouldBe(409);
        var entries = await host.LedgerAsync(ExpertsLedger.Rated, Ct);
        entries.Count.ShouldBe(2);
        entries[0].Subject.ShouldBe($"expert:{served.ExpertId}");
        entries[0].Payload.ShouldContain("\"score\":88");

        var record = await host.RunAsync(sp => sp.GetRequiredService<ExpertRecordQueries>().RecordAsync(served.ExpertId, Ct));
        record.Draws.ShouldBe(1);
        record.Acceptances.ShouldBe(1);
        record.Served.ShouldBe(1);
        record.Ratings.ShouldBe(2);
        record.CenterAverage.ShouldBe(88m);
        record.TendererAverage.ShouldBe(70m);
    }

    [Fact]
    public async Task Record_CountsADecline_AndAnExpertWhoDidNotSignIn_CannotBeRated()
    {
        var (host, scenario, seats, _) = await EvaluatedAsync();
        await using var _ = host;
        var declined = seats.Single(s => s.State == SeatState.Declined);
        var absent = seats.Single(s => s.State == SeatState.Confirmed);

        var record = await host.RunAsync(sp => sp.GetRequiredService<ExpertRecordQueries>().RecordAsync(declined.ExpertId, Ct));
        var refusal = await Should.ThrowAsync<BusinessRuleException>(() => Rate(host, scenario.Clerk, absent.Id, 80));

        record.Draws.ShouldBe(1);
        record.Declines.ShouldBe(1);
        record.Acceptances.ShouldBe(0);
        refusal.Code.ShouldBe("EXPERT_RATING_NOT_SERVED");
    }

    [Fact]
    public async Task Rating_BeforeTheDrawIsClosed_IsRefused()
    {
        var (host, scenario, seats, _) = await EvaluatedAsync(close: false);
        await using var _ = host;

        var refusal = await Should.ThrowAsync<BusinessRuleException>(() => Rate(host, scenario.Clerk, seats.First(s => s.State == SeatState.SignedIn).Id, 80));

        refusal.Code.ShouldBe("EXPERT_RATING_NOT_SERVED");
    }

    [Fact]
    public async Task Rating_ByAnotherCenter_OrByTheAgency_IsForbidden()
    {
        var (host, scenario, seats, _) = await EvaluatedAsync();
        await using var _ = host;
        var served = seats.First(s => s.State == SeatState.SignedIn).Id;

        await Should.ThrowAsync<ForbiddenException>(() => Rate(host, DrawTestHost.User(Roles.CenterStaff, Guid.NewGuid(), "elsewhere"), served, 80));
        var agency = await Should.ThrowAsync<ForbiddenException>(() => Rate(host, DrawTestHost.User(Roles.Agency, scenario.AgencyId, "agency"), served, 80));

        agency.Message.ShouldContain("第十一条");
        (await host.LedgerAsync(ExpertsLedger.Rated, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Rating_OutOfRange_OrIncompetentWithoutFacts_IsRefused_AndPendingShrinksAsRatingsAreGiven()
    {
        var (host, scenario, seats, _) = await EvaluatedAsync();
        await using var _ = host;
        var served = seats.Where(s => s.State == SeatState.SignedIn).ToList();

        var high = await Should.ThrowAsync<InputValidationException>(() => Rate(host, scenario.Clerk, served[0].Id, 101));
        var bare = await Should.ThrowAsync<InputValidationException>(() => Rate(host, scenario.Clerk, served[0].Id, 50));
        var before = await host.RunAsync(sp => sp.GetRequiredService<ExpertRecordQueries>().PendingAsync(scenario.Clerk, Ct));
        var rating = await Rate(host, scenario.Clerk, served[0].Id, 50, "评标中多次离席");
        var after = await host.RunAsync(sp => sp.GetRequiredService<ExpertRecordQueries>().PendingAsync(scenario.Clerk, Ct));

        high.Errors.Keys.ShouldBe(["score"]);
        bare.Errors.Keys.ShouldBe(["comment"]);
        rating.Grade.ShouldBe(ExpertGrade.Incompetent);
        before.Select(p => p.SeatId).ShouldBe(served.Select(s => s.Id), ignoreOrder: true);
        before.ShouldAllBe(p => p.Rater == RaterKind.Center && p.Pseudonym.Length > 0);
        after.Count.ShouldBe(2);
        (await host.RunAsync(sp => sp.GetRequiredService<ExpertRecordQueries>().PendingAsync(scenario.TendererUser, Ct))).Count.ShouldBe(3);
    }
}
