using Ggzy.Experts.Contracts;
using Ggzy.Experts.Features;
using Ggzy.Experts.Features.Availability;
using Ggzy.Experts.Features.Pool;
using Ggzy.Platform.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Experts.Tests.Features;

/// <summary>What the draw reads: experts by specialty with employment, relatives, leave and status, and the identity reveal.</summary>
public sealed class ExpertPoolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BySpecialties_OfAClass_FindsTheExpertsUnderIt_WithTheirRecords()
    {
        await using var host = await ExpertsTestHost.CreateAsync(Ct);
        var engineer = await host.AddAsync(ExpertSamples.Engineer(host.Today), Ct);
        await host.AddAsync(ExpertSamples.Accountant(host.Today), Ct);

        var found = await host.RunAsync(sp => sp.GetRequiredService<IExpertPool>().BySpecialtiesAsync(["A08"], Ct));

        var expert = found.ShouldHaveSingleItem();
        expert.Id.ShouldBe(engineer);
        expert.Specialties.ShouldBe(["A0601", "A0801"]);
        expert.CurrentEmployment.ShouldNotBeNull().EmployerCreditCode.ShouldBe(ExpertSamples.Employer);
        expert.StatusAt(host.Clock.GetUtcNow()).ShouldBe(ExpertStatus.Active);
        (await host.RunAsync(sp => sp.GetRequiredService<IExpertPool>().BySpecialtiesAsync(["Z1"], Ct))).ShouldBeEmpty();
    }

    [Fact]
    public async Task EmployerChange_EndsTheOldEmploymentTheDayBefore_AndRecusalSeesItForThreeYears()
    {
        await using var host = await ExpertsTestHost.CreateAsync(Ct);
        var id = await host.AddAsync(ExpertSamples.Engineer(host.Today), Ct);
        var since = host.Today.AddDays(-10);

        await host.RunAsync(sp => sp.GetRequiredService<EditExpertHandler>().RecordEmploymentAsync(id,
            new EmploymentInput { EmployerCreditCode = ExpertSamples.Bidder, EmployerName = "安和宏远建筑工程有限公司", Since = since }, "expert", Ct));

        var expert = (await host.RunAsync(sp => sp.GetRequiredService<IExpertPool>().FindAsync(id, Ct))).ShouldNotBeNull();
        expert.Employments.Count.ShouldBe(2);
        expert.Employments.Single(e => e.EmployerCreditCode == ExpertSamples.Employer).Until.ShouldBe(since.AddDays(-1));
        expert.CurrentEmployment!.EmployerCreditCode.ShouldBe(ExpertSamples.Bidder);
        expert.EmployedBySince(ExpertSamples.Employer, host.Today.AddYears(-3)).ShouldBeTrue();
        expert.EmployedBySince(ExpertSamples.Employer, since).ShouldBeFalse();
        (await host.LedgerAsync(ExpertsLedger.Changed, Ct)).ShouldHaveSingleItem().Payload.ShouldNotContain(ExpertSamples.Bidder);
    }

    [Fact]
    public async Task EmployerChange_NotAfterTheCurrentOne_IsRefused()
    {
        await using var host = await ExpertsTestHost.CreateAsync(Ct);
        var id = await host.AddAsync(ExpertSamples.Engineer(host.Today), Ct);

        var refusal = await Should.ThrowAsync<InputValidationException>(() => host.RunAsync(sp => sp.GetRequiredService<EditExpertHandler>()
            .RecordEmploymentAsync(id, new EmploymentInput { EmployerCreditCode = ExpertSamples.Bidder, EmployerName = "宏远", Since = host.Today.AddYears(-6) }, "center", Ct)));

        refusal.Errors["since"].ShouldHaveSingleItem().ShouldContain("须晚于现单位");
    }

    [Fact]
    public async Task RelativesAndLeave_CountUntilWithdrawn()
    {
        await using var host = await ExpertsTestHost.CreateAsync(Ct);
        var id = await host.AddAsync(ExpertSamples.Engineer(host.Today), Ct);
        var (relative, leave) = await host.RunAsync(async sp =>
        {
            var availability = sp.GetRequiredService<ExpertAvailability>();
            var r = await availability.DeclareRelativeAsync(id, new RelativeInput
            {
                Relationship = RelativeRelationship.Spouse,
                Name = "梁秀芳",
                EmployerCreditCode = ExpertSamples.Bidder,
                EmployerName = "安和宏远建筑工程有限公司",
            }, Ct);
            var l = await availability.RecordLeaveAsync(id, new LeaveInput { From = host.Today, Until = host.Today.AddDays(3), Reason = "出差" }, Ct);
            return (r.Id, l.Id);
        });

        var before = (await host.RunAsync(sp => sp.GetRequiredService<IExpertPool>().FindAsync(id, Ct)))!;
        before.HasRelativeAt(ExpertSamples.Bidder).ShouldBeTrue();
        before.Relatives.ShouldHaveSingleItem().HasName.ShouldBeTrue();
        before.IsOnLeaveAt(host.Clock.GetUtcNow()).ShouldBeTrue();
        before.IsOnLeaveAt(host.Clock.GetUtcNow().AddDays(4)).ShouldBeFalse();
        (await host.LedgerAsync(ExpertsLedger.RelativeDeclared, Ct)).ShouldHaveSingleItem().Payload.ShouldNotContain("梁秀芳");

        await host.RunAsync(async sp =>
        {
            var availability = sp.GetRequiredService<ExpertAvailability>();
            await availability.WithdrawRelativeAsync(id, relative, Ct);
            await availability.WithdrawLeaveAsync(id, leave, Ct);
        });

        var after = (await host.RunAsync(sp => sp.GetRequiredService<IExpertPool>().FindAsync(id, Ct)))!;
        after.HasRelativeAt(ExpertSamples.Bidder).ShouldBeFalse();
        after.IsOnLeaveAt(host.Clock.GetUtcNow()).ShouldBeFalse();
    }

    [Fact]
    public async Task Leave_EndingBeforeItStarts_OrTooFarAhead_IsRefused()
    {
        await using var host = await ExpertsTestHost.CreateAsync(Ct);
        var id = await host.AddAsync(ExpertSamples.Engineer(host.Today), Ct);

        var backwards = await Should.ThrowAsync<InputValidationException>(() => host.RunAsync(sp => sp.GetRequiredService<ExpertAvailability>()
            .RecordLeaveAsync(id, new LeaveInput { From = host.Today.AddDays(5), Until = host.Today.AddDays(1), Reason = "x" }, Ct)));
        var tooFar = await Should.ThrowAsync<InputValidationException>(() => host.RunAsync(sp => sp.GetRequiredService<ExpertAvailability>()
            .RecordLeaveAsync(id, new LeaveInput { From = host.Today, Until = host.Today.AddDays(400), Reason = "x" }, Ct)));

        backwards.Errors["until"].ShouldHaveSingleItem().ShouldContain("不能早于开始日期");
        tooFar.Errors["until"].ShouldHaveSingleItem().ShouldContain("暂停或退出");
    }

    [Fact]
    public async Task Reveal_PutsTheReadOnTheLedger_WithThePurposeButNotTheIdentity()
    {
        await using var host = await ExpertsTestHost.CreateAsync(Ct);
        var input = ExpertSamples.Engineer(host.Today);
        var id = await host.AddAsync(input, Ct);

        var identity = await host.RunAsync(sp => sp.GetRequiredService<IExpertIdentities>().RevealAsync(id, "sign-in", Ct));

        identity.Name.ShouldBe(input.Name);
        identity.IdNumber.ShouldBe(input.IdNumber);
        identity.MaskedIdNumber.ShouldBe(input.IdNumber![..6] + "********" + input.IdNumber[14..]);
        var read = (await host.LedgerAsync(ExpertsLedger.IdentityRead, Ct)).ShouldHaveSingleItem();
        read.Payload.ShouldBe("{\"expert\":\"ZJ000001\",\"purpose\":\"sign-in\"}");
    }

    [Fact]
    public async Task Update_CannotChangeTheIdNumber_ButReencryptsANewMobile()
    {
        await using var host = await ExpertsTestHost.CreateAsync(Ct);
        var input = ExpertSamples.Engineer(host.Today);
        var id = await host.AddAsync(input, Ct);

        input.IdNumber = ExpertSamples.IdNumber(999);
        var refusal = await Should.ThrowAsync<InputValidationException>(() => host.RunAsync(sp => sp.GetRequiredService<EditExpertHandler>().UpdateAsync(id, input, Ct)));
        refusal.Errors.Keys.ShouldBe(["idNumber"]);

        input.IdNumber = null;
        input.Mobile = "13811112222";
        await host.RunAsync(sp => sp.GetRequiredService<EditExpertHandler>().UpdateAsync(id, input, Ct));

        (await host.RunAsync(sp => sp.GetRequiredService<IExpertIdentities>().RevealAsync(id, "test", Ct))).Mobile.ShouldBe("13811112222");
        (await host.LedgerAsync(ExpertsLedger.Changed, Ct)).ShouldHaveSingleItem().Payload.ShouldContain("\"identity\"");
    }
}
