using Ggzy.Platform.Demo;
using Ggzy.Trading.Data;
using Ggzy.Trading.Demo;
using Ggzy.Trading.Domain.Security;
using Ggzy.Trading.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Tests.Security;

public sealed class BidSecurityDemoSeederTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seed_Twice_GivesTermsReceiptsAGuaranteeAndADueRefundOnce()
    {
        await using var host = await TradingTestHost.CreateAsync(Ct);
        await host.RunAsync(sp => BidSecuritySteps.CreditEntities(sp).SeedAsync(Ct));
        await host.RunAsync(sp => ActivatorUtilities.CreateInstance<ProjectDemoSeeder>(sp).SeedAsync(Ct));

        for (var i = 0; i < 2; i++)
        {
            await host.RunAsync(sp => ActivatorUtilities.CreateInstance<BidSecurityDemoSeeder>(sp).SeedAsync(Ct));
        }

        await host.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<TradingDbContext>();
            (await db.SecurityTerms.CountAsync(Ct)).ShouldBe(2);
            var receipts = await db.BankReceipts.AsNoTracking().ToListAsync(Ct);
            receipts.Count(r => r.Status == ReceiptStatus.Matched).ShouldBe(2);
            receipts.Count(r => r.Status == ReceiptStatus.Unmatched).ShouldBe(1);
            (await db.BidGuarantees.SingleAsync(Ct)).CreditCode.ShouldBe(DemoAccounts.Organizations.Single(o => o.Key == "bidder2").CreditCode);
        });
        var duty = (await host.RunAsync(sp => sp.GetRequiredService<DepositRefunds>().ListAsync(true, Ct))).ShouldHaveSingleItem();
        duty.State.ShouldBe(RefundDutyState.Due);
    }
}
