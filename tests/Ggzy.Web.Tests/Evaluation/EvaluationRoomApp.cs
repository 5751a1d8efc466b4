using Ggzy.Experts.Contracts;
using Ggzy.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Web.Tests.Evaluation;

/// <summary>
/// The platform with a committee of demo experts: every lot's draw asked for 5 members of whom 1 representative, and the
/// experts <c>expert</c>…<c>expert4</c> have signed in — two at the center's room, two at the branch's (remote cross-site).
/// Its clock can be moved forward (a clarification's deadline passing).
/// </summary>
public sealed class EvaluationRoomApp : GgzyApp
{
    public static readonly string[] Experts = ["expert", "expert2", "expert3", "expert4"];

    public MovableClock Clock { get; } = new();

    /// <summary>The Trading context's SQL while a test records it.</summary>
    public DbCommandLog Sql { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.AddScoped<ICommitteeSeats, SignedInSeats>();
            s.AddSingleton<TimeProvider>(Clock);
            s.LogTradingCommands(Sql);
        });
    }

    private sealed class SignedInSeats(TimeProvider clock) : ICommitteeSeats
    {
        private static readonly Guid Draw = Guid.Parse("0193a000-0000-7000-8000-00000000d4a0");

        public Task<LotCommittee?> OfLotAsync(Guid lotId, CancellationToken ct)
        {
            var at = clock.GetUtcNow().AddMinutes(-10);
            var seats = Experts.Select((name, i) => new CommitteeSeat(Guid.CreateVersion7(), Guid.CreateVersion7(), name, $"专家{(char)('A' + i)}", "A0801",
                "房屋建筑工程施工", i < 2 ? 0 : 1, at)).ToList();
            return Task.FromResult<LotCommittee?>(new LotCommittee(Draw, lotId, 5, 1,
                [new DrawSiteView(0, "安和市公共资源交易中心第一评标室", "安和市人民路 88 号"), new DrawSiteView(1, "东湖分中心远程评标室", "安和市东湖区湖滨路 6 号")], seats));
        }
    }
}
