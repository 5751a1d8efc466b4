using Ggzy.Credit.Contracts;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Features;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Experts.Tests.Features;

/// <summary>Adding an expert: the identity encrypted at rest and kept off the Ledger, one entry per person, 招标投标法 第三十七条.</summary>
public sealed class AddExpertTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Add_StoresTheIdentityEncrypted_KeyedByCreditsDigest_AndWritesNoIdentityToTheLedger()
    {
        await using var host = await ExpertsTestHost.CreateAsync(Ct);
        var input = ExpertSamples.Engineer(host.Today);

        var id = await host.AddAsync(input, Ct);

        var stored = await host.RunAsync(sp => sp.GetRequiredService<ExpertsDbContext>().Experts.AsNoTracking().SingleAsync(e => e.Id == id, Ct));
        stored.IdentityCipher.ShouldNotContain(input.Name!);
        stored.IdentityCipher.ShouldNotContain(input.IdNumber!);
        stored.IdentityCipher.ShouldNotContain(input.Mobile!);
        stored.IdentityKey.ShouldBe(ExpertIdNumbers.SubjectKey(input.IdNumber!));
        stored.Number.ShouldBe(1);

        var entry = (await host.LedgerAsync(ExpertsLedger.Added, Ct)).ShouldHaveSingleItem();
        entry.Subject.ShouldBe($"expert:{id}");
        entry.Payload.ShouldContain("ZJ000001");
        entry.Payload.ShouldNotContain(input.Name!);
        entry.Payload.ShouldNotContain(input.IdNumber!);
        entry.Payload.ShouldNotContain(input.Mobile!);
    }

    [Fact]
    public async Task Add_ManyAtOnce_GivesEachItsOwnNumber()
    {
        await using var host = await ExpertsTestHost.CreateAsync(Ct);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => host.AddAsync(ExpertSamples.Engineer(host.Today, sequence: 200 + i), Ct)));

        var numbers = await host.RunAsync(sp => sp.GetRequiredService<ExpertsDbContext>().Experts.Select(e => e.Number).ToListAsync(Ct));
        numbers.Order().ShouldBe([1, 2, 3, 4, 5, 6]);
    }

    [Fact]
    public async Task Add_TheSamePersonTwice_IsRefused_AndStoresNothing()
    {
        await using var host = await ExpertsTestHost.CreateAsync(Ct);
        await host.AddAsync(ExpertSamples.Engineer(host.Today), Ct);
        var before = await host.LedgerCountAsync(Ct);

        var again = ExpertSamples.Engineer(host.Today, name: "欧阳明");
        again.IdNumber = again.IdNumber!.ToLowerInvariant() + " ";
        var refusal = await Should.ThrowAsync<BusinessRuleException>(() => host.AddAsync(again, Ct));

        refusal.Code.ShouldBe("EXPERT_EXISTS");
        refusal.Status.ShouldBe(409);
        (await host.LedgerCountAsync(Ct)).ShouldBe(before);
    }

    [Fact]
    public async Task Add_EngineeringExpertWithSevenYears_IsRefusedByArticle37_ButTheSameForServicesIsAccepted()
    {
        await using var host = await ExpertsTestHost.CreateAsync(Ct);
        var junior = ExpertSamples.Engineer(host.Today);
        junior.PractisingSince = host.Today.AddYears(-7);
        var before = await host.LedgerCountAsync(Ct);

        var refusal = await Should.ThrowAsync<StatutoryRuleException>(() => host.AddAsync(junior, Ct));

        refusal.Rule.Key.ShouldBe("expert.engineering.min-practice-years");
        refusal.Code.ShouldBe("EXPERT_NOT_QUALIFIED");
        refusal.Citation.ShouldNotBeNull().ShouldContain("第三十七条");
        (await host.LedgerCountAsync(Ct)).ShouldBe(before);

        junior.Specialties = ["C0101"];
        await host.AddAsync(junior, Ct);
    }

    [Fact]
    public async Task Add_WithBadFields_NamesEachField_InChinese_AndStoresNothing()
    {
        await using var host = await ExpertsTestHost.CreateAsync(Ct);
        var input = ExpertSamples.Engineer(host.Today);
        input.IdNumber = input.IdNumber![..17] + (input.IdNumber[17] == '0' ? '1' : '0');
        input.Mobile = "12345";
        input.Specialties = ["A08", "Q9999"];
        input.EmployerCreditCode = "91990100MA6H8Q2W00";
        input.RegionCode = "99";

        var refusal = await Should.ThrowAsync<InputValidationException>(() => host.AddAsync(input, Ct));

        refusal.Errors.Keys.ShouldBe(["idNumber", "mobile", "regionCode", "specialties", "employerCreditCode"], ignoreOrder: true);
        refusal.Errors["idNumber"].ShouldHaveSingleItem().ShouldContain("校验码");
        refusal.Errors["specialties"].ShouldContain(m => m.Contains("Q9999"));
        refusal.Errors["specialties"].ShouldContain(m => m.Contains("专业大类"));
        (await host.RunAsync(sp => sp.GetRequiredService<ExpertsDbContext>().Experts.CountAsync(Ct))).ShouldBe(0);
    }

    [Fact]
    public async Task Add_Pseudonyms_FollowThePoolNumber()
    {
        await using var host = await ExpertsTestHost.CreateAsync(Ct);
        await host.AddAsync(ExpertSamples.Engineer(host.Today, 101), Ct);
        var second = await host.AddAsync(ExpertSamples.Accountant(host.Today, 102), Ct);

        var pool = await host.RunAsync(sp => sp.GetRequiredService<IExpertPool>().FindAsync(second, Ct));

        pool.ShouldNotBeNull().Code.ShouldBe("ZJ000002");
    }
}
