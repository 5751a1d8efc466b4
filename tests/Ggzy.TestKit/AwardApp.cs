using System.Collections.Concurrent;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Domain.Security;
using Ggzy.Trading.Features.Evaluation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.TestKit;

/// <summary>A candidate of a test evaluation report: rank, the demo account whose organisation bid, its price and total.</summary>
public sealed record TestCandidate(int Rank, Guid BidId, string Account, string BidderName, decimal Price, decimal Total);

/// <summary>
/// The host for the award (docs/award.md): a movable clock, and signed evaluation reports a test files for a lot — the
/// evaluation room is not what these tests are about (<see cref="EvaluationReportBox"/>).
/// </summary>
public sealed class AwardApp : GgzyApp
{
    public EvaluationReportBox Reports { get; } = new();

    public MovableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            Reports.AddTo(s);
        });
    }

    public Task<Guid> LotIdAsync(string project, string lot) => EvaluationReportBox.LotIdAsync(Services, project, lot);

    /// <inheritdoc cref="EvaluationReportBox.EvaluateAsync"/>
    public Task<IReadOnlyList<TestCandidate>> EvaluateAsync(Guid lotId, IReadOnlyList<string> accounts, decimal? deposits = null) =>
        Reports.EvaluateAsync(Services, Clock.GetUtcNow(), lotId, accounts, deposits);
}

/// <summary>
/// Signed evaluation reports a test files, served to the host as its <see cref="IEvaluationReports"/>.
/// <see cref="EvaluateAsync"/> moves the lot from its opening to 评标结束 through the lot's procedure, as the room would,
/// and files a report ranking the demo bidders.
/// </summary>
public sealed class EvaluationReportBox
{
    private readonly TestEvaluationReports _reports = new();

    /// <summary>Makes this box the host's evaluation reports.</summary>
    public void AddTo(IServiceCollection services) => services.AddSingleton<IEvaluationReports>(_reports);

    /// <summary>The id of a demo lot by its project's and its own name.</summary>
    public static async Task<Guid> LotIdAsync(IServiceProvider services, string project, string lot)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
        var projectId = await db.Projects.Where(p => p.Name == project).Select(p => p.Id).SingleAsync();
        return await db.Lots.Where(l => l.ProjectId == projectId && l.Name == lot).Select(l => l.Id).SingleAsync();
    }

    /// <summary>
    /// Brings the lot to 评标结束 (from its opening, or — for a lot still before its deadline — as if its deadline had
    /// passed) and files a signed report, signed now: <paramref name="accounts"/>' organisations ranked in that order at
    /// falling totals and rising prices. With <paramref name="deposits"/>, each bidder also has a matched deposit of that amount.
    /// </summary>
    public async Task<IReadOnlyList<TestCandidate>> EvaluateAsync(
        IServiceProvider services, DateTimeOffset now, Guid lotId, IReadOnlyList<string> accounts, decimal? deposits = null)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var lot = await db.Lots.SingleAsync(l => l.Id == lotId);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == lot.ProjectId);
        var procedure = lot.Procedure(project.Regime)!;
        if (procedure.State != LotState.DeadlinePassed)
        {
            procedure = LotProcedure.Restore(LotState.DeadlinePassed, null, procedure.Schedule);
        }

        procedure.StartEvaluation(now.AddHours(-2));
        procedure.SubmitReport(now);
        lot.Record(procedure, "committee");

        var candidates = new List<TestCandidate>();
        var bids = new List<ReportedBid>();
        for (var i = 0; i < accounts.Count; i++)
        {
            var account = DemoAccounts.Accounts.Single(a => a.UserName == accounts[i]);
            var orgName = DemoAccounts.Organizations.Single(o => o.Key == account.OrganizationKey).Name;
            var org = await platform.Organizations.AsNoTracking().SingleAsync(o => o.Name == orgName);
            var price = Math.Round(lot.EstimatedAmount * (0.90m + (0.02m * i)), 2);
            var total = 92.5m - (4 * i);
            var bidId = Guid.NewGuid();
            candidates.Add(new TestCandidate(i + 1, bidId, account.UserName, orgName, price, total));
            bids.Add(new ReportedBid(bidId, org.Id, orgName, price, true, null, total, i + 1));
            if (deposits is { } amount)
            {
                var receipt = new BankReceipt
                {
                    Id = Guid.NewGuid(),
                    ReceiptNumber = "T" + Guid.NewGuid().ToString("N")[..20],
                    Account = "6222000000000000",
                    PayerName = orgName,
                    PayerAccount = "6222111100000000",
                    Amount = amount,
                    ReceivedAt = now.AddDays(-40),
                    Remark = lot.TradeCode,
                    ImportedAt = now.AddDays(-39),
                    ImportedBy = "clerk",
                    Status = ReceiptStatus.Matched,
                    LotId = lot.Id,
                };
                var deposit = new BidDeposit
                {
                    Id = Guid.NewGuid(),
                    LotId = lot.Id,
                    ReceiptId = receipt.Id,
                    CreditCode = org.CreditCode!,
                    EntityName = orgName,
                    OrganizationId = org.Id,
                    Amount = amount,
                    ReceivedAt = now.AddDays(-40),
                    MatchedBy = "clerk",
                    MatchedAt = now.AddDays(-39),
                };
                receipt.DepositId = deposit.Id;
                db.BankReceipts.Add(receipt);
                db.BidDeposits.Add(deposit);
            }
        }

        await db.SaveChangesAsync();
        _reports.File(new SignedEvaluationReport(lotId, Guid.NewGuid(), now, new string('a', 64), false, null,
            [.. candidates.Take(3).Select(c => new ReportedCandidate(c.Rank, c.BidId, bids[c.Rank - 1].BidderEntityId, c.BidderName, c.Price, c.Price, c.Total,
                "项目经理" + c.Rank, "建造师证书 京1" + c.Rank.ToString("00000", System.Globalization.CultureInfo.InvariantCulture)))],
            bids));
        return candidates;
    }

    /// <summary>The reports a test filed, by lot.</summary>
    private sealed class TestEvaluationReports : IEvaluationReports
    {
        private readonly ConcurrentDictionary<Guid, SignedEvaluationReport> _reports = new();

        public void File(SignedEvaluationReport report) => _reports[report.LotId] = report;

        public Task<SignedEvaluationReport?> FindSignedAsync(Guid lotId, CancellationToken ct) =>
            Task.FromResult(_reports.TryGetValue(lotId, out var r) ? r : null);
    }
}
