using Ggzy.Platform.Errors;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Demo;
using Ggzy.Trading.Domain.Security;
using Ggzy.Trading.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ggzy.Trading.Tests.Security.BidSecuritySteps;

namespace Ggzy.Trading.Tests.Security;

public sealed class BankReceiptImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_MatchesOnlyWhatMeetsEveryRule_AndListsTheRestWithTheReason()
    {
        await using var host = await HostAsync();
        var works = await host.LotAsync(ProjectDemoSeeder.SchoolProject, 1);
        var now = host.Clock.GetUtcNow();
        var code = works.TradeCode;

        var result = await host.ImportAsync(File(
            Receipt("R-1", Name("bidder1"), 300_000m, now.AddHours(-2), $"投标保证金 {code.ToLowerInvariant()}"),
            Receipt("R-2", Name("bidder2"), 299_999.99m, now.AddHours(-2), code),
            Receipt("R-3", Name("shunda"), 300_000m, now.AddHours(-2), code),
            Receipt("R-4", Name("bidder2"), 300_000m, now.AddHours(-2), code, account: "6222-0000-1111-2222"),
            Receipt("R-5", Name("bidder2"), 300_000m, now.AddHours(-2), "投标保证金"),
            Receipt("R-6", Name("bidder1"), 300_000m, now.AddHours(-1), code),
            Receipt("R-7", Name("agency"), 300_000m, now.AddHours(-1), code)));

        result.ShouldBe(new ReceiptImportResult(7, 0, 1, 6));
        var receipts = await host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().BankReceipts.AsNoTracking().ToDictionaryAsync(r => r.ReceiptNumber, Ct));
        receipts["R-1"].Status.ShouldBe(ReceiptStatus.Matched);
        receipts["R-2"].Note!.ShouldContain("少于标段");
        receipts["R-3"].Note!.ShouldContain("不是已在平台注册的市场主体");
        receipts["R-4"].Note!.ShouldContain("不是标段");
        receipts["R-5"].Note!.ShouldContain("附言中没有标段的统一交易标识码");
        receipts["R-6"].Note!.ShouldContain("已有已到账的投标保证金");
        receipts["R-7"].Note!.ShouldContain("招标人或招标代理机构，不得参加本项目投标");
        var deposit = await host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().BidDeposits.AsNoTracking().SingleAsync(Ct));
        (deposit.LotId, deposit.CreditCode, deposit.Amount, deposit.MatchedBy).ShouldBe((works.Id, Code("bidder1"), 300_000m, "platform"));
        (await host.LedgerAsync("trading.security.receipts-imported", Ct)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Import_MoneyReceivedAtOrAfterTheDeadline_IsNotMatched()
    {
        await using var host = await HostAsync();
        var works = await host.LotAsync(ProjectDemoSeeder.SchoolProject, 1);
        host.Clock.SetUtcNow(works.Deadline!.Value.AddHours(1));

        var result = await host.ImportAsync(File(Receipt("R-late", Name("bidder1"), 300_000m, works.Deadline!.Value, works.TradeCode)));

        result.Unmatched.ShouldBe(1);
        var receipt = await host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().BankReceipts.AsNoTracking().SingleAsync(Ct));
        receipt.Note!.ShouldContain("不早于投标截止时间");
    }

    [Fact]
    public async Task Import_TheSameFileTwice_SkipsEveryReceipt_AndAChangedReceiptIsRefused()
    {
        await using var host = await HostAsync();
        var works = await host.LotAsync(ProjectDemoSeeder.SchoolProject, 1);
        var at = host.Clock.GetUtcNow().AddHours(-2);
        var file = File(Receipt("R-1", Name("bidder1"), 300_000m, at, works.TradeCode), Receipt("R-2", Name("shunda"), 300_000m, at, works.TradeCode));
        await host.ImportAsync(file);
        var before = await host.CountsAsync();

        (await host.ImportAsync(file)).ShouldBe(new ReceiptImportResult(0, 2, 0, 0));
        var after = await host.CountsAsync();
        (after.Receipts, after.Deposits).ShouldBe((before.Receipts, before.Deposits));

        var changed = await Should.ThrowAsync<InputValidationException>(() =>
            host.ImportAsync(File(Receipt("R-1", Name("bidder1"), 310_000m, at, works.TradeCode))));
        changed.Errors["receipts[0]"].ShouldHaveSingleItem().ShouldContain("内容与本文件不同");
    }

    [Fact]
    public async Task Import_AFileWithOneMalformedReceipt_SavesNothing()
    {
        await using var host = await HostAsync();
        var works = await host.LotAsync(ProjectDemoSeeder.SchoolProject, 1);
        var before = await host.CountsAsync();

        var refused = await Should.ThrowAsync<InputValidationException>(() => host.ImportAsync(File(
            Receipt("R-1", Name("bidder1"), 300_000m, host.Clock.GetUtcNow().AddHours(-1), works.TradeCode),
            Receipt("R-2", Name("bidder2"), 0m, host.Clock.GetUtcNow().AddHours(-1), works.TradeCode))));

        refused.Errors["receipts[1]"].ShouldHaveSingleItem().ShouldContain("amount");
        (await host.CountsAsync()).ShouldBe(before);
        await Should.ThrowAsync<InputValidationException>(() => host.ImportAsync("{ \"format\": \"other\" }"u8.ToArray()));
        await Should.ThrowAsync<InputValidationException>(() => host.ImportAsync("not json"u8.ToArray()));
        (await host.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task MatchByHand_AnUnmatchedReceipt_WithAReason_MakesTheDepositOnTheLedger()
    {
        await using var host = await HostAsync();
        var works = await host.LotAsync(ProjectDemoSeeder.SchoolProject, 1);
        await host.ImportAsync(File(Receipt("R-1", "安和恒泰建设集团有限公司东湖分公司", 300_000m, host.Clock.GetUtcNow().AddHours(-1), works.TradeCode)));
        var receipt = await host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().BankReceipts.AsNoTracking().SingleAsync(Ct));
        receipt.Status.ShouldBe(ReceiptStatus.Unmatched);

        var noReason = await Should.ThrowAsync<InputValidationException>(() => host.RunAsync(sp => sp.GetRequiredService<BankReceipts>()
            .MatchByHandAsync(host.Clerk(), receipt.Id, new ReceiptMatchInput { LotTradeCode = works.TradeCode, CreditCode = Code("bidder2") }, Ct)));
        noReason.Errors.ShouldContainKey(nameof(ReceiptMatchInput.Reason));

        var matched = await host.RunAsync(sp => sp.GetRequiredService<BankReceipts>().MatchByHandAsync(host.Clerk(), receipt.Id,
            new ReceiptMatchInput { LotTradeCode = works.TradeCode, CreditCode = Code("bidder2"), Reason = "付款人为投标人的分公司，已核对授权书。" }, Ct));

        matched.Status.ShouldBe(ReceiptStatus.MatchedByHand);
        var deposit = await host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().BidDeposits.AsNoTracking().SingleAsync(Ct));
        (deposit.CreditCode, deposit.MatchedBy).ShouldBe((Code("bidder2"), "clerk"));
        (await host.LedgerAsync("trading.security.receipt-matched-by-hand", Ct)).ShouldHaveSingleItem();
        await Should.ThrowAsync<BusinessRuleException>(() => host.RunAsync(sp => sp.GetRequiredService<BankReceipts>().MatchByHandAsync(host.Clerk(), receipt.Id,
            new ReceiptMatchInput { LotTradeCode = works.TradeCode, CreditCode = Code("bidder2"), Reason = "再次匹配。" }, Ct)));
    }
}
