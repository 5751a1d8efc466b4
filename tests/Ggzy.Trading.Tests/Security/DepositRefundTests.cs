using Ggzy.Platform.Errors;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Demo;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Domain.Security;
using Ggzy.Trading.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ggzy.Trading.Tests.Security.BidSecuritySteps;

namespace Ggzy.Trading.Tests.Security;

public sealed class DepositRefundTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Withdrawal_StartsADutyOfFiveDays_ShownNotDue_ThenDue_ThenLate_UntilTheRefundIsRecorded()
    {
        await using var host = await HostAsync();
        var works = await host.LotAsync(ProjectDemoSeeder.SchoolProject, 1);
        await host.ImportAsync(File(Receipt("R-1", Name("bidder1"), 300_000m, host.Clock.GetUtcNow().AddHours(-1), works.TradeCode)));
        var notice = host.Clock.GetUtcNow();

        var duty = (await host.SecurityAsync(s => s.WithdrawAsync(host.BidderUser(), works.Id, Ct))).ShouldHaveSingleItem();

        // Monday 2026-11-23 + 5 days is Saturday the 28th; the last day moves to Monday the 30th (87号令 第八十五条).
        ChinaDates.Day(notice).ShouldBe(new DateOnly(2026, 11, 23));
        duty.DueDate.ShouldBe(new DateOnly(2026, 11, 30));
        duty.Citation.ShouldBe("《中华人民共和国招标投标法实施条例》第三十五条");
        duty.State.ShouldBe(RefundDutyState.NotDue);
        await Should.ThrowAsync<BusinessRuleException>(() => host.SecurityAsync(s => s.WithdrawAsync(host.BidderUser(), works.Id, Ct)));

        async Task<RefundDutyView> Now() => (await host.RunAsync(sp => sp.GetRequiredService<DepositRefunds>().ListAsync(true, Ct))).ShouldHaveSingleItem();
        host.Clock.SetUtcNow(ChinaTime(duty.DueDate!.Value.AddDays(-1)));
        (await Now()).State.ShouldBe(RefundDutyState.Due);
        host.Clock.SetUtcNow(ChinaTime(duty.DueDate!.Value.AddDays(1)));
        var late = await Now();
        late.State.ShouldBe(RefundDutyState.Late);
        late.Message.ShouldContain("已逾期 1 日");

        var future = await Should.ThrowAsync<InputValidationException>(() => host.RunAsync(sp => sp.GetRequiredService<DepositRefunds>()
            .RecordAsync(host.Clerk(), duty.Id, new RefundInput { RefundedOn = duty.DueDate!.Value.AddDays(5), BankReference = "TK-1" }, Ct)));
        future.Errors.ShouldContainKey(nameof(RefundInput.RefundedOn));

        var refunded = await host.RunAsync(sp => sp.GetRequiredService<DepositRefunds>()
            .RecordAsync(host.Clerk(), duty.Id, new RefundInput { RefundedOn = duty.DueDate!.Value.AddDays(1), BankReference = "TK-20261201-01" }, Ct));
        refunded.State.ShouldBe(RefundDutyState.Refunded);
        refunded.Message.ShouldContain("晚于最迟日期");
        (await host.RunAsync(sp => sp.GetRequiredService<DepositRefunds>().ListAsync(true, Ct))).ShouldBeEmpty();
        (await host.LedgerAsync("trading.security.refunded", Ct)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task TerminatedLot_GetsADutyForEveryDeposit_WithoutADeadlineUnderTheTenderLaw_Once()
    {
        await using var host = await HostAsync();
        var works = await host.LotAsync(ProjectDemoSeeder.SchoolProject, 1);
        await host.ImportAsync(File(Receipt("R-1", Name("bidder1"), 300_000m, host.Clock.GetUtcNow().AddHours(-1), works.TradeCode)));
        await host.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<TradingDbContext>();
            var lot = await db.Lots.SingleAsync(l => l.Id == works.Id, Ct);
            var procedure = lot.Procedure(Regime.Tender)!;
            procedure.Terminate("项目资金未落实，终止招标。", host.Clock.GetUtcNow());
            lot.Record(procedure, "agency");
            await db.SaveChangesAsync(Ct);
        });

        var refunds = (DepositRefunds r) => r.RaiseForEndedLotsAsync(host.Clerk(), Ct);
        (await host.RunAsync(sp => refunds(sp.GetRequiredService<DepositRefunds>()))).ShouldBe(1);
        (await host.RunAsync(sp => refunds(sp.GetRequiredService<DepositRefunds>()))).ShouldBe(0);

        var duty = (await host.RunAsync(sp => sp.GetRequiredService<DepositRefunds>().ListAsync(true, Ct))).ShouldHaveSingleItem();
        (duty.Event, duty.DueDate, duty.State).ShouldBe((RefundEvent.Termination, (DateOnly?)null, RefundDutyState.NoDeadline));
        duty.Message.ShouldContain("第三十一条");
    }

    private static DateTimeOffset ChinaTime(DateOnly day) => Ggzy.Platform.Time.ChinaTime.StartOfDay(day).AddHours(10);
}
