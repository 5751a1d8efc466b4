using System.Security.Claims;
using System.Text.RegularExpressions;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Draws;
using Ggzy.Experts.Features.Draws;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Experts.Demo;

/// <summary>
/// The demo's expert draws (docs/expert-draw.md §11), each made through the draw's own services so that the Ledger tells
/// it as it happened: 照明及给排水施工 (deadline just passed) was drawn by the center, one expert declined and was drawn
/// again in a second round whose answer is awaited, two have signed in (their names shown to the center) and one has
/// confirmed; the 第三中学 works lot has a request waiting for its bid deadline. 景观绿化施工 (东湖公园, opened a month
/// ago, its room not open yet), the 沿江大道 works' three lots and two lots of the 政府采购 goods (<see cref="PurchaseProject"/>)
/// (opened in the past) each have a committee of 5 — four experts of 市政公用工程施工, which in the demo pool only the
/// expert accounts hold, and one representative of the tenderer — drawn at random, answered and signed in, so that the
/// evaluation demo (and whoever evaluates 景观绿化施工) can open their rooms: the expert accounts are who sit in them. The
/// draws stay open until the center closes them after the evaluation (the evaluation demo closes the draws of the lots it
/// evaluates, which makes their seeds public: <c>ggzy experts verify-draw</c> confirms them). The experts' answers and
/// sign-ins are made as at the venue's terminal, with the codes the simulated gateway "sent".
/// </summary>
internal sealed partial class DrawDemoSeeder(
    IServiceScopeFactory services, ExpertsDbContext db, PlatformDbContext platform, IDrawLots lots, TimeProvider clock)
    : IDemoSeeder
{
    public const string ParkProject = "安和市东湖公园景观提升工程";
    public const string SchoolProject = "安和市第三中学教学楼建设工程";
    public const string RoadProject = "安和市沿江大道市政改造工程";

    /// <summary>The 东湖公园 lot whose opening closed a month ago with three bids: its committee is seated, its room not open.</summary>
    public const string ParkLot = "景观绿化施工";

    /// <summary>The 沿江大道 lots, the one still in evaluation first: each draw counts the tenderer's earlier evaluations (recusal by frequency).</summary>
    public static readonly string[] RoadLots = ["路灯及交通设施施工", "桥梁维修加固施工", "道路及排水工程施工"];

    /// <summary>The 政府采购 goods whose committees are drawn the same way (the evaluation demo evaluates one and contracts the other).</summary>
    public const string PurchaseProject = "安和市第三中学教学设备采购项目";

    public static readonly string[] PurchaseLots = ["交互式智能黑板", "理化生实验室仪器"];

    public int Order => 200;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Draws.AnyAsync(ct) || !await db.Experts.AnyAsync(ct))
        {
            return;
        }

        var scheduled = await lots.ScheduledAsync(ct);
        var park = scheduled.FirstOrDefault(l => l.ProjectName == ParkProject && l.LotName == ParkLot);
        var drawing = scheduled.FirstOrDefault(l => l.ProjectName == ParkProject && l.LotName == "照明及给排水施工");
        var requested = scheduled.FirstOrDefault(l => l.ProjectName == SchoolProject && l.LotName == "施工");
        var center = await platform.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.TradingCenter).Select(o => o.Id).FirstOrDefaultAsync(ct);
        if (park?.BidDeadline is null || drawing?.BidDeadline is null || requested?.BidDeadline is not { } ahead)
        {
            return;
        }

        await DrawingAsync(drawing, center, ct);
        await InScopeAsync<DrawRequests, Guid>(clock, r => r.RequestAsync(Person("agency", Roles.Agency, requested.AgencyId), new DrawRequestInput(
            requested.LotId, ahead.AddDays(1),
            [new DrawSiteInput("安和市公共资源交易中心第二评标室", "安和市人民路 88 号"), new DrawSiteInput("东湖分中心远程评标室", "安和市东湖区湖滨路 6 号")],
            7, 2, false, [new DrawDemandInput("A0801", 3, 0), new DrawDemandInput("A0601", 2, 1)]), ct));
        // Latest evaluation first, so that no draw counts another as an earlier evaluation for the same tenderer (recusal by
        // frequency): all these lots are 安和城投's, and the seven expert accounts could not seat six committees of four
        // under the center's limit (3 a year) if each draw counted the others.
        var committees = scheduled.Where(l => (l.ProjectName == RoadProject && RoadLots.Contains(l.LotName))
                || (l.ProjectName == PurchaseProject && PurchaseLots.Contains(l.LotName)) || l.LotId == park.LotId)
            .Where(l => l.BidDeadline is not null).OrderByDescending(l => l.BidDeadline).ToList();
        foreach (var lot in committees)
        {
            await CommitteeAsync(lot, lot.BidDeadline!.Value, ct);
        }
    }

    // At the deadline: requested, drawn, every expert confirmed; signed in before the evaluation two hours later (the
    // first lot's at two sites: remote cross-site evaluation). The draw stays open: the evaluation demo closes it once the
    // committee has signed its report.
    private async Task CommitteeAsync(DrawLot lot, DateTimeOffset deadline, CancellationToken ct)
    {
        var evaluation = deadline.AddHours(2);
        var crossSite = lot.LotName == RoadLots[0];
        DrawSiteInput[] sites = crossSite
            ? [new DrawSiteInput("安和市公共资源交易中心第一评标室", "安和市人民路 88 号"), new DrawSiteInput("东湖分中心远程评标室", "安和市东湖区湖滨路 6 号")]
            : [new DrawSiteInput("安和市公共资源交易中心第一评标室", "安和市人民路 88 号")];
        DrawDemandInput[] demands = crossSite
            ? [new DrawDemandInput(ExpertPoolDemoSeeder.AccountOnlySpecialty, 2, 0), new DrawDemandInput(ExpertPoolDemoSeeder.AccountOnlySpecialty, 2, 1)]
            : [new DrawDemandInput(ExpertPoolDemoSeeder.AccountOnlySpecialty, 4, 0)];
        var id = await InScopeAsync<DrawRequests, Guid>(At(deadline.AddMinutes(10)), r => r.RequestAsync(Person("agency", Roles.Agency, lot.AgencyId),
            new DrawRequestInput(lot.LotId, evaluation, sites, 5, 1, false, demands), ct));
        await DrawRoundAsync(id, At(deadline.AddMinutes(15)), ct);
        foreach (var seat in await SeatsAsync(id, SeatState.Notified, ct))
        {
            await AnswerAsync(seat, accept: true, At(deadline.AddMinutes(25)), ct);
        }

        foreach (var seat in await SeatsAsync(id, SeatState.Confirmed, ct))
        {
            await SignInAsync(seat, At(evaluation.AddMinutes(-20)), ct);
        }
    }

    // Now: evaluation in 40 minutes; round 1 drawn by the center; one declined, drawn again; two signed in, one confirmed.
    private async Task DrawingAsync(DrawLot lot, Guid center, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var id = await InScopeAsync<DrawRequests, Guid>(clock, r => r.RequestAsync(Person("tenderer", Roles.Tenderer, lot.TendererId), new DrawRequestInput(
            lot.LotId, now.AddMinutes(40), [new DrawSiteInput("安和市公共资源交易中心第三评标室", "安和市人民路 88 号")], 5, 1, false,
            [new DrawDemandInput("A0801", 4, 0)]), ct));
        await InScopeAsync<DrawHosting, RoundOutcome>(clock, h => h.RunNowAsync(Person("clerk", Roles.CenterStaff, lot.CenterId ?? center), id, ct));
        var seats = await SeatsAsync(id, SeatState.Notified, ct);
        if (seats.Count < 4)
        {
            return;
        }

        await AnswerAsync(seats[0], accept: false, clock, ct);
        for (var i = 1; i < 4; i++)
        {
            await AnswerAsync(seats[i], accept: true, clock, ct);
        }

        await DrawRoundAsync(id, clock, ct);
        foreach (var seat in seats.Skip(1).Take(2))
        {
            await SignInAsync(seat, clock, ct);
        }
    }

    private async Task DrawRoundAsync(Guid drawId, TimeProvider at, CancellationToken ct)
    {
        if (await InScopeAsync<DrawRounds, RoundOutcome>(at, r => r.DrawAsync(drawId, DrawLedger.Platform, ct)) == RoundOutcome.Drawn)
        {
            await InScopeAsync<DrawNotifier, int>(at, n => n.NotifyAsync(drawId, ct));
        }
    }

    private async Task AnswerAsync(SeatRef seat, bool accept, TimeProvider at, CancellationToken ct)
    {
        var code = await CodeAsync(seat.Id, DrawNotifier.Invitation, ct);
        await using var scope = services.CreateAsyncScope();
        var answers = ActivatorUtilities.CreateInstance<DrawAnswers>(scope.ServiceProvider, at);
        var (entity, draw) = await LoadAsync(scope, seat.Id, ct);
        await answers.AnswerAsync(entity, draw, new DrawAnswerInput(code, accept, accept ? null : "已安排出差，不能参加（演示数据）"), ct);
    }

    private async Task SignInAsync(SeatRef seat, TimeProvider at, CancellationToken ct)
    {
        var code = await CodeAsync(seat.Id, DrawNotifier.Confirmation, ct);
        await using var scope = services.CreateAsyncScope();
        var answers = ActivatorUtilities.CreateInstance<DrawAnswers>(scope.ServiceProvider, at);
        var (entity, draw) = await LoadAsync(scope, seat.Id, ct);
        await answers.SignInAsync(entity, draw, new DrawSignInInput(code, true, ExpertCommitments.Current.Digest), ct);
    }

    private static async Task<(DrawSeat, ExpertDraw)> LoadAsync(AsyncServiceScope scope, Guid seatId, CancellationToken ct)
    {
        var context = scope.ServiceProvider.GetRequiredService<ExpertsDbContext>();
        var seat = await context.DrawSeats.SingleAsync(s => s.Id == seatId, ct);
        return (seat, await context.Draws.SingleAsync(d => d.Id == seat.DrawId, ct));
    }

    private async Task<List<SeatRef>> SeatsAsync(Guid drawId, SeatState state, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExpertsDbContext>().DrawSeats.AsNoTracking()
            .Where(s => s.DrawId == drawId && s.State == state).OrderBy(s => s.Round).ThenBy(s => s.Position)
            .Select(s => new SeatRef(s.Id)).ToListAsync(ct);
    }

    // The code the simulated gateway "sent" to the seat, as the expert reads it from the message.
    private async Task<string> CodeAsync(Guid seatId, string purpose, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var text = await scope.ServiceProvider.GetRequiredService<ExpertsDbContext>().SimulatedMessages.AsNoTracking()
            .Where(m => m.SeatId == seatId && m.Purpose == purpose).OrderByDescending(m => m.Id).Select(m => m.Text).FirstAsync(ct);
        return SixDigits().Matches(text)[^1].Value;
    }

    // Each step in a scope of its own, as one request would be, with the clock of the moment it happened.
    private async Task<TResult> InScopeAsync<T, TResult>(TimeProvider at, Func<T, Task<TResult>> work)
        where T : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await work(ActivatorUtilities.CreateInstance<T>(scope.ServiceProvider, at));
    }

    private static ClaimsPrincipal Person(string name, string role, Guid? organization)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.Role, role), new(ClaimTypes.NameIdentifier, Guid.Empty.ToString()) };
        if (organization is { } id)
        {
            claims.Add(new Claim(GgzyClaims.OrganizationId, id.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "demo"));
    }

    private static FixedClock At(DateTimeOffset at) => new(at);

    private sealed record SeatRef(Guid Id);

    /// <summary>The time a past step of the demo happened at.</summary>
    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }

    [GeneratedRegex(@"(?<![0-9])[0-9]{6}(?![0-9])")]
    private static partial Regex SixDigits();
}
