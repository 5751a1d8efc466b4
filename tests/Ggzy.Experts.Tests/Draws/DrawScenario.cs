using System.Security.Claims;
using System.Text.RegularExpressions;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Draws;
using Ggzy.Experts.Features.Draws;
using Ggzy.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Experts.Tests.Draws;

/// <summary>
/// A lot of 安和城投 run by 明信咨询, its bid deadline tomorrow at 09:00 (China), with two bidders once closed; the
/// steps of a draw as the parties take them.
/// </summary>
internal sealed partial class DrawScenario(DrawTestHost host)
{
    public const string Tenderer = "91990100MA1C3K7P0X";
    public const string Agency = "91990100MA2D4L8Q0X";
    public const string Bidder1 = "91990102MA3E5M9R0X";
    public const string Bidder2 = "91990103MA4F6N0T0X";

    public Guid TendererId { get; } = Guid.NewGuid();

    public Guid AgencyId { get; } = Guid.NewGuid();

    public Guid LotId { get; } = Guid.NewGuid();

    public static DateTimeOffset Deadline => new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Evaluation => Deadline.AddHours(3);

    public ClaimsPrincipal TendererUser => DrawTestHost.User(Roles.Tenderer, TendererId, "tenderer");

    public ClaimsPrincipal Clerk => DrawTestHost.User(Roles.CenterStaff, host.CityCenterId, "clerk");

    public DrawLot Lot(bool closed = false, DrawRegime regime = DrawRegime.Tender, decimal budget = 5_000_000m, bool proceeding = true) => new(
        LotId, "E9901002026000001001", "一标段", "东湖公园改造工程", regime, DrawMethod.OpenTender, budget, "990102", host.CityCenterId,
        TendererId, Tenderer, "安和城市建设投资集团有限公司", AgencyId, Agency, "安和明信工程咨询有限公司", Deadline, closed,
        closed ? [Bidder1, Bidder2] : [], proceeding);

    public static DrawRequestInput Request(Guid lotId, DateTimeOffset evaluation, params (string Specialty, int Count)[] demands) => new(
        lotId, evaluation, [new DrawSiteInput("安和市公共资源交易中心第一评标室", "安和市东湖路 1 号")],
        demands.Sum(d => d.Count) + 1, 1, false, [.. demands.Select(d => new DrawDemandInput(d.Specialty, d.Count, 0))]);

    public async Task<Guid> RequestAsync(params (string Specialty, int Count)[] demands)
    {
        host.Lots.Set(Lot());
        return await host.RunAsync(sp => sp.GetRequiredService<DrawRequests>().RequestAsync(TendererUser, Request(LotId, Evaluation, demands), CancellationToken.None));
    }

    /// <summary>Closes the lot's bids (the bidders become known) and runs the clock at its draw time.</summary>
    public async Task<int> DrawAtDeadlineAsync(Guid drawId)
    {
        host.Lots.Set(Lot(closed: true));
        var drawAt = await host.RunAsync(sp => sp.GetRequiredService<ExpertsDbContext>().Draws.Where(d => d.Id == drawId).Select(d => d.DrawAt).SingleAsync());
        if (host.Clock.GetUtcNow() < drawAt)
        {
            host.Clock.SetUtcNow(drawAt);
        }

        return await ClockAsync();
    }

    public Task<int> ClockAsync() => host.RunAsync(sp => sp.GetRequiredService<DrawClock>().RunOnceAsync(CancellationToken.None));

    public Task<ExpertDraw> DrawAsync(Guid drawId) => host.RunAsync(sp =>
        sp.GetRequiredService<ExpertsDbContext>().Draws.AsNoTracking().Include(d => d.Seats).Include(d => d.Rounds).SingleAsync(d => d.Id == drawId));

    public Task<List<SimulatedMessage>> MessagesAsync() => host.RunAsync(sp =>
        sp.GetRequiredService<ExpertsDbContext>().SimulatedMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    /// <summary>The code in the latest message of the purpose to the seat, as the expert reads it on the phone.</summary>
    public async Task<string> CodeAsync(Guid seatId, string purpose)
    {
        var message = (await MessagesAsync()).Last(m => m.SeatId == seatId && m.Purpose == purpose);
        return SixDigits().Matches(message.Text).Last().Value;
    }

    public static ClaimsPrincipal ExpertUser(PoolMember member) => DrawTestHost.User(Roles.Expert, null, member.Code, member.UserId);

    public Task<SeatState> AnswerAsync(PoolMember member, Guid seatId, string? code, bool accept, string? reason = null) => host.RunAsync(sp =>
        sp.GetRequiredService<DrawAnswers>().AnswerAsync(ExpertUser(member), seatId, new DrawAnswerInput(code, accept, reason), CancellationToken.None));

    public async Task<SeatState> ConfirmAsync(PoolMember member, Guid seatId) =>
        await AnswerAsync(member, seatId, await CodeAsync(seatId, DrawNotifier.Invitation), accept: true);

    public async Task SignInAsync(PoolMember member, Guid seatId) => await host.RunAsync(async sp =>
        await sp.GetRequiredService<DrawAnswers>().SignInAsync(ExpertUser(member), seatId,
            new DrawSignInInput(await CodeAsync(seatId, DrawNotifier.Confirmation), true, ExpertCommitments.Current.Digest), CancellationToken.None));

    [GeneratedRegex(@"(?<![0-9])[0-9]{6}(?![0-9])")]
    private static partial Regex SixDigits();
}
