using Ggzy.Credit.Contracts;
using Ggzy.Platform.Blobs;
using Ggzy.Platform.Errors;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Demo;
using Ggzy.Trading.Domain.Schedule;
using Microsoft.Extensions.DependencyInjection;
using static Ggzy.Trading.Tests.Security.BidSecuritySteps;

namespace Ggzy.Trading.Tests.Security;

public sealed class GuaranteeAndSecrecyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static BidGuaranteeInput Guarantee(DateOnly deadline, decimal amount = 300_000m, int days = 90) => new()
    {
        Issuer = "安和融信融资担保有限公司",
        Number = "AHRX-BH-2026-0001",
        Amount = amount,
        ValidFrom = deadline.AddDays(-20),
        ValidUntil = deadline.AddDays(days),
    };

    [Fact]
    public async Task Register_AGuaranteeThatCovers_IsStoredWithItsSm3Digest_AndTheFileInTheBlobStore()
    {
        await using var host = await HostAsync();
        var works = await host.LotAsync(ProjectDemoSeeder.SchoolProject, 1);

        var g = await host.SecurityAsync(s => s.RegisterGuaranteeAsync(host.Bidder2User(), works.Id,
            Guarantee(ChinaDates.Day(works.Deadline!.Value)), Pdf(), "保函.pdf", Ct));

        g.CreditCode.ShouldBe(Code("bidder2"));
        (await host.RunAsync(sp => sp.GetRequiredService<IBlobStore>().ExistsAsync(new BlobId(g.Digest), Ct))).ShouldBeTrue();
        (await host.LedgerAsync("trading.security.guarantee-registered", Ct)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Register_TooSmall_TooShort_OrNotAPdf_IsRefusedWithTheReason_AndNothingStored()
    {
        await using var host = await HostAsync();
        var works = await host.LotAsync(ProjectDemoSeeder.SchoolProject, 1);
        var deadline = ChinaDates.Day(works.Deadline!.Value);
        var before = await host.CountsAsync();

        var small = await Should.ThrowAsync<InputValidationException>(() => host.SecurityAsync(s =>
            s.RegisterGuaranteeAsync(host.Bidder2User(), works.Id, Guarantee(deadline, amount: 299_999.99m), Pdf(), "a.pdf", Ct)));
        small.Errors[nameof(BidGuaranteeInput.Amount)].ShouldHaveSingleItem().ShouldContain("低于招标文件要求的投标保证金 300,000.00 元");

        var shortValidity = await Should.ThrowAsync<InputValidationException>(() => host.SecurityAsync(s =>
            s.RegisterGuaranteeAsync(host.Bidder2User(), works.Id, Guarantee(deadline, days: 89), Pdf(), "a.pdf", Ct)));
        shortValidity.Errors[nameof(BidGuaranteeInput.ValidUntil)].ShouldHaveSingleItem().ShouldContain("短于投标有效期");

        var notPdf = await Should.ThrowAsync<InputValidationException>(() => host.SecurityAsync(s =>
            s.RegisterGuaranteeAsync(host.Bidder2User(), works.Id, Guarantee(deadline), "hello"u8.ToArray(), "a.txt", Ct)));
        notPdf.Errors.ShouldContainKey("File");
        (await host.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Register_ByADebarredBidder_IsRefusedNamingTheRecord()
    {
        await using var host = await HostAsync();
        var works = await host.LotAsync(ProjectDemoSeeder.SchoolProject, 1);
        var today = ChinaDates.Day(host.Clock.GetUtcNow());
        await host.RunAsync(sp => sp.GetRequiredService<ICreditRecords>().EnterAsync(new CreditRecordInput
        {
            CreditCode = Code("bidder2"),
            Kind = CreditRecordKind.Debarment,
            DecisionNumber = "安建限〔2026〕21号",
            DecidingBody = "安和市住房和城乡建设局",
            DecisionDate = today,
            Facts = "串通投标，限制参与本市房屋建筑和市政工程招标投标活动 6 个月。",
            SourceSystem = "本平台录入",
        }, Ct));
        var before = await host.CountsAsync();

        var refused = await Should.ThrowAsync<BusinessRuleException>(() => host.SecurityAsync(s =>
            s.RegisterGuaranteeAsync(host.Bidder2User(), works.Id, Guarantee(ChinaDates.Day(works.Deadline!.Value)), Pdf(), "a.pdf", Ct)));

        refused.Message.ShouldContain("安建限〔2026〕21号");
        var after = await host.CountsAsync();
        (after.Guarantees, after.Ledger).ShouldBe((before.Guarantees, before.Ledger));
    }

    [Fact]
    public async Task Securities_ABidderSeesOnlyItsOwn_TheTendererNoneBeforeTheDeadline_TheCenterAll()
    {
        await using var host = await HostAsync();
        var works = await host.LotAsync(ProjectDemoSeeder.SchoolProject, 1);
        await host.ImportAsync(File(Receipt("R-1", Name("bidder1"), 300_000m, host.Clock.GetUtcNow().AddHours(-1), works.TradeCode)));
        await host.SecurityAsync(s => s.RegisterGuaranteeAsync(host.Bidder2User(), works.Id,
            Guarantee(ChinaDates.Day(works.Deadline!.Value)), Pdf(), "保函.pdf", Ct));

        var mine = await host.SecurityAsync(s => s.ForBidderAsync(host.BidderUser(), works.Id, Ct));
        mine.Deposits!.ShouldHaveSingleItem().CreditCode.ShouldBe(Code("bidder1"));
        mine.Guarantees.ShouldBeEmpty();
        var theirs = await host.SecurityAsync(s => s.ForBidderAsync(host.Bidder2User(), works.Id, Ct));
        theirs.Deposits.ShouldBeEmpty();
        theirs.Guarantees!.ShouldHaveSingleItem().CreditCode.ShouldBe(Code("bidder2"));

        var tenderer = await host.SecurityAsync(s => s.ForTendererAsync(host.AgencyUser(), works.Id, Ct));
        tenderer.Deposits.ShouldBeNull();
        tenderer.Guarantees.ShouldBeNull();
        tenderer.Notice!.ShouldContain("《中华人民共和国招标投标法》第二十二条");
        await Should.ThrowAsync<ForbiddenException>(() => host.SecurityAsync(s => s.ForTendererAsync(host.BidderUser(), works.Id, Ct)));

        var center = await host.SecurityAsync(s => s.ForCustodyAsync(works.Id, Ct));
        (center.Deposits!.Count, center.Guarantees!.Count).ShouldBe((1, 1));
        (await host.LedgerAsync("trading.security.read", Ct)).ShouldHaveSingleItem();

        host.Clock.SetUtcNow(works.Deadline!.Value);
        var opened = await host.SecurityAsync(s => s.ForTendererAsync(host.AgencyUser(), works.Id, Ct));
        (opened.Deposits!.Count, opened.Guarantees!.Count).ShouldBe((1, 1));
    }
}
