using Ggzy.Experts.Contracts;
using Ggzy.Experts.Contracts.Drawing;
using Ggzy.Experts.Domain.Draws;
using Ggzy.Experts.Domain.Pool;
using Ggzy.Experts.Drawing;
using Ggzy.Experts.Features.Draws;
using Ggzy.Sealing;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Experts.Tests.Draws;

public sealed class DrawRoundTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Clock_BeforeTheBidsAreClosed_DoesNotDraw()
    {
        await using var host = await DrawTestHost.CreateAsync(Ct);
        var scenario = new DrawScenario(host);
        for (var i = 0; i < 5; i++)
        {
            await host.AddExpertAsync("A0801");
        }

        var id = await scenario.RequestAsync(("A0801", 4));
        host.Clock.SetUtcNow(DrawScenario.Deadline.AddMinutes(1));

        (await scenario.ClockAsync()).ShouldBe(0);
        (await scenario.DrawAsync(id)).State.ShouldBe(DrawState.Requested);
    }

    [Fact]
    public async Task Clock_AtTheDrawTime_DrawsOnlyEligibleExperts_CommitsTheSeedAndNotifiesEachOne()
    {
        await using var host = await DrawTestHost.CreateAsync(Ct);
        var scenario = new DrawScenario(host);
        var eligible = new List<PoolMember>();
        foreach (var specialties in new[] { "A0801", "A0801", "A0801", "A0801", "A0801,A0805", "A0805" })
        {
            eligible.Add(await host.AddExpertAsync(specialties));
        }

        var excluded = new[]
        {
            await host.AddExpertAsync("A0801", e => Employ(e, DrawScenario.Bidder1, new DateOnly(2020, 1, 1), null)),
            await host.AddExpertAsync("A0801", e => Employ(e, DrawScenario.Tenderer, new DateOnly(2015, 1, 1), new DateOnly(2025, 6, 30))),
            await host.AddExpertAsync("A0801", e => e.Relatives.Add(new ExpertRelative
            {
                Id = Guid.NewGuid(), ExpertId = e.Id, Relationship = RelativeRelationship.Spouse, EmployerCreditCode = DrawScenario.Agency, DeclaredAt = host.Clock.GetUtcNow(),
            })),
            await host.AddExpertAsync("A0801", e => e.Leaves.Add(new ExpertLeave
            {
                Id = Guid.NewGuid(), ExpertId = e.Id, From = new DateOnly(2026, 12, 1), Until = new DateOnly(2026, 12, 5), Reason = "出差", RecordedBy = "expert", RecordedAt = host.Clock.GetUtcNow(),
            })),
            await host.AddExpertAsync("A0801", e => e.StatusChanges.Add(new ExpertStatusChange
            {
                Id = Guid.NewGuid(), ExpertId = e.Id, Status = ExpertStatus.Suspended, From = new DateOnly(2026, 11, 1), Until = new DateOnly(2027, 4, 30),
                Reason = "一标一评不合格", Basis = "安公管〔2026〕12号", DecidedBy = "admin", DecidedByRole = "CenterAdministrator", RecordedAt = host.Clock.GetUtcNow(),
            })),
            await host.AddExpertAsync("A0801", e => e.TitleLevel = TitleLevel.Intermediate),
        };
        await host.AddExpertAsync("C0101"); // another specialty: not a candidate at all
        var id = await scenario.RequestAsync(("A0801", 3), ("A0805", 1));

        (await scenario.DrawAtDeadlineAsync(id)).ShouldBe(1);

        var draw = await scenario.DrawAsync(id);
        draw.State.ShouldBe(DrawState.Drawing);
        draw.Seats.Count.ShouldBe(4);
        draw.Seats.ShouldAllBe(s => s.State == SeatState.Notified && s.AnswerBy == host.Clock.GetUtcNow().AddMinutes(30));
        draw.Seats.Select(s => s.ExpertId).ShouldBeSubsetOf(eligible.Select(e => e.Id));
        draw.Seats.Single(s => s.Specialty == "A0805").ExpertId.ShouldBeOneOf(eligible[4].Id, eligible[5].Id);

        var round = draw.Rounds.ShouldHaveSingleItem();
        round.Candidates.ShouldBe(6);
        round.Exclusions.Select(x => x.Code).Order(StringComparer.Ordinal).ShouldBe(
            [RecusalReasons.BidderEmployee, RecusalReasons.TendererEmployee, RecusalReasons.NotQualified, RecusalReasons.OnLeave, RecusalReasons.Relative,
             RecusalReasons.Suspended]);
        round.Snapshot.ShouldBeNull(); // stored packed (docs/expert-draw.md §3)
        var snapshot = CandidateSnapshot.Parse(round.SnapshotText());
        snapshot.DigestHex.ShouldBe(round.SnapshotDigest);
        snapshot.Pack().ShouldBe(round.SnapshotPacked);
        var audit = await host.RunAsync(sp => Task.FromResult(sp.GetRequiredService<DrawSecrets>().UnprotectExcluded(round)));
        audit.GroupBy(x => x.Code).Select(g => (g.Key, g.Count())).ShouldBe(round.Exclusions.Select(x => (x.Code, x.Count)), ignoreOrder: true);
        audit.Select(x => x.ExpertId).ShouldBeSubsetOf(excluded.Select(x => x.Id));
        var seed = await host.RunAsync(sp => Task.FromResult(sp.GetRequiredService<DrawSecrets>().UnprotectSeed(round.SeedProtected)));
        Sm3.HashHex(seed).ShouldBe(round.SeedCommitment);
        VerifiableDraw.Select(seed, snapshot).Select(s => s.Pseudonym).ShouldBe(draw.Seats.OrderBy(s => s.Position).Select(s => s.Pseudonym));

        var committed = (await host.LedgerAsync("experts.draw.", Ct)).Select(e => e.Type).ToList();
        committed.ShouldBe([DrawLedger.Requested, DrawLedger.SeedCommitted, DrawLedger.RoundDrawn, DrawLedger.Notified, DrawLedger.Notified, DrawLedger.Notified, DrawLedger.Notified]);
        var entries = await host.LedgerAsync(DrawLedger.SeedCommitted, Ct);
        entries.ShouldHaveSingleItem().Payload.ShouldContain(round.SeedCommitment);
        entries.ShouldAllBe(e => !e.Payload.Contains(Convert.ToHexStringLower(seed)));

        var messages = await scenario.MessagesAsync();
        messages.Count.ShouldBe(4);
        messages.ShouldAllBe(m => m.Purpose == DrawNotifier.Invitation && m.Recipient.Contains("****") && m.Text.Contains("东湖公园改造工程 一标段"));
        excluded.ShouldAllBe(x => !draw.Seats.Any(s => s.ExpertId == x.Id));
    }

    [Fact]
    public async Task Clock_WithTooFewEligibleExperts_FailsTheDrawNamingTheSpecialty()
    {
        await using var host = await DrawTestHost.CreateAsync(Ct);
        var scenario = new DrawScenario(host);
        for (var i = 0; i < 4; i++)
        {
            await host.AddExpertAsync("A0801");
        }

        await host.AddExpertAsync("A0805");
        await host.AddExpertAsync("A0805", e => Employ(e, DrawScenario.Bidder2, new DateOnly(2021, 3, 1), null));
        var id = await scenario.RequestAsync(("A0801", 2), ("A0805", 2));

        await scenario.DrawAtDeadlineAsync(id);

        var draw = await scenario.DrawAsync(id);
        draw.State.ShouldBe(DrawState.Failed);
        draw.FailureReason.ShouldStartWith("专业 A0805（");
        draw.FailureReason.ShouldContain("符合条件的专家只有 1 人，需要抽取 2 人");
        draw.Rounds.ShouldBeEmpty();
        (await host.LedgerAsync(DrawLedger.Failed, Ct)).ShouldHaveSingleItem().Payload.ShouldContain("employee-bidder");
    }

    [Fact]
    public async Task Clock_ForAnExpertWhoEvaluatedForTheSameTendererThreeTimesThisYear_ExcludesThem()
    {
        await using var host = await DrawTestHost.CreateAsync(Ct);
        var scenario = new DrawScenario(host);
        var busy = await host.AddExpertAsync("A0801");
        for (var i = 0; i < 4; i++)
        {
            await host.AddExpertAsync("A0801");
        }

        await PastEvaluationsAsync(host, scenario, busy.Id, 3);
        var id = await scenario.RequestAsync(("A0801", 4));

        await scenario.DrawAtDeadlineAsync(id);

        var draw = await scenario.DrawAsync(id);
        draw.Seats.ShouldNotContain(s => s.ExpertId == busy.Id);
        draw.Rounds.Single().Exclusions.ShouldBe([new ExclusionCount(RecusalReasons.Frequency, 1)]);
    }

    private static void Employ(Expert e, string code, DateOnly from, DateOnly? until)
    {
        e.Employments.Clear();
        e.Employments.Add(new ExpertEmployment { Id = Guid.NewGuid(), ExpertId = e.Id, EmployerCreditCode = code, EmployerName = "当事单位", From = from, Until = until });
    }

    private static Task PastEvaluationsAsync(DrawTestHost host, DrawScenario scenario, Guid expertId, int count) => host.RunAsync(async sp =>
    {
        var db = sp.GetRequiredService<Data.ExpertsDbContext>();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            db.Draws.Add(new ExpertDraw
            {
                Id = id,
                LotId = Guid.NewGuid(),
                LotCode = $"E99010020260000000{i}",
                LotName = "往期标段",
                ProjectName = "往期项目",
                RegionCode = "990102",
                TendererId = scenario.TendererId,
                TendererCode = DrawScenario.Tenderer,
                TendererName = "安和城市建设投资集团有限公司",
                RequestedBy = "tenderer",
                EvaluationStartsAt = host.Clock.GetUtcNow().AddDays(-30 * (i + 1)),
                PseudonymKey = "-",
                State = DrawState.Closed,
                Members = 5,
                Representatives = 1,
                Seats = [new DrawSeat { Id = Guid.NewGuid(), DrawId = id, Round = 1, Position = 1, Specialty = "A0801", ExpertId = expertId, Pseudonym = new string('a', 32), State = SeatState.SignedIn }],
            });
        }

        await db.SaveChangesAsync();
    });
}
