using Ggzy.Credit.Contracts;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Schedule;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ggzy.Trading.Tests.Announcements.AnnouncementTestData;

namespace Ggzy.Trading.Tests.Announcements;

/// <summary>
/// The random draw of a procurement invited tender's invitees through the service (87号令 第十四条): registered
/// candidates, a written record on the page and on the Ledger, no second draw, and a publication that counts the drawn
/// invitees; on the test database (SQLite, or PostgreSQL with GGZY_TEST_DATABASE=Postgres).
/// </summary>
public sealed class InviteeDrawServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Draw_FromRegisteredCandidates_KeepsTheRecord_RefusesASecond_AndLetsTheInvitationBePublished()
    {
        await using var host = await TradingTestHost.CreateAsync(Ct);
        var candidates = await RegisterSuppliersAsync(host, 6);
        var project = await AcceptedProjectAsync(host, Regime.Procurement, Ct, ProcurementMethod.InvitedTender);
        var agency = User("agency", host.Agency.Id);
        var input = Input(host, project);
        input.Kind = AnnouncementKind.Invitation;
        input.Title = project.Name + "投标邀请书";
        var id = await host.RunAsync(sp => sp.GetRequiredService<IAnnouncements>().ComposeAsync(agency, input, Ct));
        var draw = new DrawInviteesInput { Candidates = string.Join('\n', candidates), Count = 3, Witnesses = "郑丽华，王建国" };

        await host.RunAsync(sp => sp.GetRequiredService<IAnnouncements>().DrawInviteesAsync(agency, id, draw, Ct));

        var record = await host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().InviteeDraws.AsNoTracking().SingleAsync(Ct));
        var drawn = record.Drawn.Split('\n').Select(line => line[..18]).ToList();
        drawn.Count.ShouldBe(3);
        drawn.ShouldBeSubsetOf(candidates);
        record.Candidates.Split('\n').Length.ShouldBe(6);
        record.By.ShouldBe("agency");
        (await host.LedgerAsync("trading.invitation.invitees-drawn", Ct)).ShouldHaveSingleItem();
        await Should.ThrowAsync<BusinessRuleException>(() =>
            host.RunAsync(sp => sp.GetRequiredService<IAnnouncements>().DrawInviteesAsync(agency, id, draw, Ct)));

        await host.RunAsync(sp => sp.GetRequiredService<IAnnouncements>().PublishAsync(agency, id, Ct));

        var lot = await host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().Lots.AsNoTracking().SingleAsync(l => l.Id == project.Lots[0].Id, Ct));
        lot.State.ShouldBe(LotState.Announced);
        lot.InviteesDrawnWithRecord.ShouldBeTrue();
        lot.InviteeCount.ShouldBe(3);
    }

    [Fact]
    public async Task Invitation_WithoutADraw_CannotBePublished_AndNothingChanges()
    {
        await using var host = await TradingTestHost.CreateAsync(Ct);
        var project = await AcceptedProjectAsync(host, Regime.Procurement, Ct, ProcurementMethod.InvitedTender);
        var agency = User("agency", host.Agency.Id);
        var input = Input(host, project);
        input.Kind = AnnouncementKind.Invitation;
        input.Title = project.Name + "投标邀请书";
        var id = await host.RunAsync(sp => sp.GetRequiredService<IAnnouncements>().ComposeAsync(agency, input, Ct));

        var refusal = await Should.ThrowAsync<Exception>(() =>
            host.RunAsync(sp => sp.GetRequiredService<IAnnouncements>().PublishAsync(agency, id, Ct)));

        refusal.ShouldBeAssignableTo<InputValidationException>();
        var lot = await host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().Lots.AsNoTracking().SingleAsync(l => l.Id == project.Lots[0].Id, Ct));
        lot.State.ShouldBe(LotState.Draft);
        (await host.LedgerAsync("trading.announcement.published", Ct)).ShouldBeEmpty();
    }

    private static async Task<List<string>> RegisterSuppliersAsync(TradingTestHost host, int count)
    {
        await host.RunAsync(sp => RoleSetup.EnsureRolesAsync(sp.GetRequiredService<RoleManager<PlatformRole>>()));
        var codes = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var code = new DemoOrganization($"s{i}", $"安和测试供应商{i}有限公司", OrganizationKind.MarketEntity, "990100", null, $"MA9T000{i}", null).CreditCode!;
            await host.RunAsync(sp => sp.GetRequiredService<IMarketEntities>().RegisterAsync(new RegisterMarketEntityInput
            {
                CreditCode = code,
                LegalName = $"安和测试供应商{i}有限公司",
                Kind = MarketEntityKind.LegalPerson,
                RegionCode = "990100",
                LegalRepresentative = "张三",
                ContactPerson = "李四",
                ContactPhone = "0990-1234567",
                Roles = [MarketRole.Bidder],
                AdminUserName = $"supplier{i}",
                AdminDisplayName = $"供应商{i}",
                AdminPassword = DemoAccounts.Password,
                CommitmentVersion = CreditCommitments.Current.Version,
                CommitmentSigned = true,
            }, Ct));
            codes.Add(code);
        }

        return codes;
    }
}
