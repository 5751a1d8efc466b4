using Ggzy.Platform.Errors;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ggzy.Trading.Tests.Security.BidSecuritySteps;

namespace Ggzy.Trading.Tests.Security;

public sealed class BidSecurityTermsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static BidSecurityTermsInput Input(decimal amount) => new()
    {
        Amount = amount,
        Forms = ["Deposit", "ElectronicGuarantee"],
        CustodyBank = "安和农村商业银行营业部",
        CustodyAccountName = "安和市公共资源交易中心投标保证金专户",
        CustodyAccountNumber = "9901-0000-8800-2026-002",
        ValidityDays = 90,
        BidValidityDays = 90,
    };

    [Fact]
    public async Task SetTerms_AboveTwoPercentOfTheEstimate_IsRefusedCitingTheArticle_AndNothingChanges()
    {
        await using var host = await HostAsync();
        var supervision = await host.LotAsync(ProjectDemoSeeder.SchoolProject, 2);
        var before = await host.CountsAsync();

        var refused = await Should.ThrowAsync<InputValidationException>(() =>
            host.SecurityAsync(s => s.SetTermsAsync(host.AgencyUser(), supervision.Id, Input(26_000.01m), Ct)));

        var message = refused.Errors[nameof(BidSecurityTermsInput.Amount)].ShouldHaveSingleItem();
        message.ShouldContain("超过招标项目估算价 1,300,000.00 元 的 2%，即 26,000.00 元");
        message.ShouldContain("《中华人民共和国招标投标法实施条例》第二十六条");
        (await host.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task SetTerms_AtTheCapOnADraftLot_IsSavedWithALedgerEntry()
    {
        await using var host = await HostAsync();
        var supervision = await host.LotAsync(ProjectDemoSeeder.SchoolProject, 2);

        var terms = await host.SecurityAsync(s => s.SetTermsAsync(host.AgencyUser(), supervision.Id, Input(26_000m), Ct));

        terms.Amount.ShouldBe(26_000m);
        terms.Forms.ShouldBe(["Deposit", "ElectronicGuarantee"]);
        terms.CustodyAccountNumber.ShouldBe("9901-0000-8800-2026-002");
        (await host.LedgerAsync("trading.security.terms-set", Ct)).ShouldHaveSingleItem().Subject.ShouldBe($"lot:{supervision.TradeCode}");
    }

    [Fact]
    public async Task SetTerms_DepositWithoutCustodyAccount_OrCashUnderProcurement_IsRefused()
    {
        await using var host = await HostAsync();
        var supervision = await host.LotAsync(ProjectDemoSeeder.SchoolProject, 2);
        var goods = await host.LotAsync(ProjectDemoSeeder.EquipmentProject, 1);
        var noAccount = Input(20_000m);
        noAccount.CustodyAccountNumber = null;

        var missing = await Should.ThrowAsync<InputValidationException>(() =>
            host.SecurityAsync(s => s.SetTermsAsync(host.AgencyUser(), supervision.Id, noAccount, Ct)));
        missing.Errors.ShouldContainKey(nameof(BidSecurityTermsInput.CustodyAccountNumber));

        var cash = await Should.ThrowAsync<InputValidationException>(() => host.SecurityAsync(s =>
            s.SetTermsAsync(new("tenderer", host.Tenderer.Id, false, false, false), goods.Id, Input(60_000m), Ct)));
        cash.Errors[nameof(BidSecurityTermsInput.Forms)].ShouldHaveSingleItem().ShouldContain("第三十三条");
    }

    [Fact]
    public async Task SetTerms_OnceTheDocumentsAreOnSale_IsRefused_AndAnotherOrganisationIsForbidden()
    {
        await using var host = await HostAsync();
        var works = await host.LotAsync(ProjectDemoSeeder.SchoolProject, 1);
        var supervision = await host.LotAsync(ProjectDemoSeeder.SchoolProject, 2);

        var fixedTerms = await Should.ThrowAsync<BusinessRuleException>(() =>
            host.SecurityAsync(s => s.SetTermsAsync(host.AgencyUser(), works.Id, Input(300_000m), Ct)));
        fixedTerms.Citation.ShouldBe("《中华人民共和国招标投标法实施条例》第二十一条");
        await Should.ThrowAsync<ForbiddenException>(() =>
            host.SecurityAsync(s => s.SetTermsAsync(host.BidderUser(), supervision.Id, Input(20_000m), Ct)));
        (await host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().SecurityTerms.AsNoTracking().SingleAsync(t => t.LotId == works.Id, Ct)))
            .Amount.ShouldBe(300_000m);
    }
}
