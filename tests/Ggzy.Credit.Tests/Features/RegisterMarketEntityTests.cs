using Ggzy.Credit.Contracts;
using Ggzy.Credit.Features.RegisterMarketEntity;
using Ggzy.Platform.Data;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Credit.Tests.Features;

public sealed class RegisterMarketEntityTests : IAsyncLifetime
{
    /// <summary>A valid code (GB 32100 check character and GB 11714 check digit both right).</summary>
    public const string Code = "91350100M000100Y43";

    private CreditTestHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await CreditTestHost.CreateAsync(Ct);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    public static RegisterMarketEntityInput Valid(string code = Code, string admin = "hongyuan.admin") => new()
    {
        CreditCode = code,
        LegalName = "福州宏远建筑工程有限公司",
        Kind = MarketEntityKind.LegalPerson,
        RegionCode = "350100",
        LegalRepresentative = "冯宏远",
        ContactPerson = "冯志远",
        ContactPhone = "0591-86001234",
        Roles = [MarketRole.Bidder, MarketRole.AuctionBuyer],
        AdminUserName = admin,
        AdminDisplayName = "冯志远",
        AdminPassword = "Hongyuan@2026",
        CommitmentVersion = CreditCommitments.Current.Version,
        CommitmentSigned = true,
    };

    private Task<MarketEntityInfo> RegisterAsync(RegisterMarketEntityInput input) =>
        _host.RunAsync(sp => sp.GetRequiredService<IMarketEntities>().RegisterAsync(input, Ct));

    [Fact]
    public async Task Register_ValidInput_StoresOrganizationAdministratorEntityCommitmentAndOneLedgerEntry()
    {
        var entity = await RegisterAsync(Valid(" 91350100m000100y43 "));

        entity.CreditCode.ShouldBe(Code);
        entity.Roles.ShouldBe(MarketRole.Bidder | MarketRole.AuctionBuyer);
        entity.Commitment.ShouldNotBeNull();
        entity.Commitment.Version.ShouldBe(CreditCommitments.Current.Version);
        entity.Commitment.TextDigest.ShouldBe(CreditCommitments.Current.Digest);
        entity.Commitment.SignedAt.ShouldBe(_host.Clock.GetUtcNow());
        entity.Commitment.SignedBy.ShouldBe("冯志远");
        (await _host.CountsAsync(Ct)).ShouldBe(new StoredCounts(1, 1, 1, 1, 1));

        await _host.RunAsync(async sp =>
        {
            var organization = await sp.GetRequiredService<PlatformDbContext>().Organizations.SingleAsync(Ct);
            organization.Id.ShouldBe(entity.OrganizationId);
            organization.Kind.ShouldBe(OrganizationKind.MarketEntity);
            organization.CreditCode.ShouldBe(Code);
            var users = sp.GetRequiredService<UserManager<PlatformUser>>();
            var admin = (await users.FindByNameAsync("hongyuan.admin")).ShouldNotBeNull();
            admin.OrganizationId.ShouldBe(organization.Id);
            (await users.CheckPasswordAsync(admin, "Hongyuan@2026")).ShouldBeTrue();
            (await users.GetRolesAsync(admin)).ShouldBe([Roles.Bidder]);
            return true;
        });

        var entry = (await _host.LedgerAsync("credit.entity.registered", Ct)).ShouldHaveSingleItem();
        entry.Subject.ShouldBe($"market-entity:{Code}");
        entry.Payload.ShouldContain(CreditCommitments.Current.Digest);
        entry.Payload.ShouldNotContain("Hongyuan@2026");
    }

    [Fact]
    public async Task Register_FoundByCodeAfterwards_InTheDirectoryToo()
    {
        await RegisterAsync(Valid());

        var found = await _host.RunAsync(sp => sp.GetRequiredService<IMarketEntities>().FindByCreditCodeAsync(Code.ToLowerInvariant(), Ct));
        var listed = await _host.RunAsync(sp => sp.GetRequiredService<IMarketEntities>().ListAsync("宏远", Ct));

        found.ShouldNotBeNull().LegalName.ShouldBe("福州宏远建筑工程有限公司");
        listed.ShouldHaveSingleItem().CreditCode.ShouldBe(Code);
    }

    [Fact]
    public async Task Register_DuplicateCode_IsRefusedNamingTheExistingRegistration_AndStoresNothing()
    {
        await RegisterAsync(Valid());
        var before = await _host.CountsAsync(Ct);

        var refused = await Should.ThrowAsync<BusinessRuleException>(() => RegisterAsync(Valid(admin: "another.admin")));

        refused.Message.ShouldContain("福州宏远建筑工程有限公司");
        refused.Message.ShouldContain("已由");
        refused.Field.ShouldBe("creditCode");
        (await _host.CountsAsync(Ct)).ShouldBe(before);
    }

    [Fact]
    public async Task Register_SameCodeTwiceAtOnce_OneIsRegistered_TheOtherRefusedAsDuplicate()
    {
        var attempts = await Task.WhenAll(
            Attempt(() => RegisterAsync(Valid(admin: "first.admin"))),
            Attempt(() => RegisterAsync(Valid(admin: "second.admin"))));

        attempts.Count(e => e is null).ShouldBe(1);
        attempts.Single(e => e is not null).ShouldBeOfType<BusinessRuleException>().Message.ShouldContain("已由");
        (await _host.CountsAsync(Ct)).ShouldBe(new StoredCounts(1, 1, 1, 1, 1));

        static async Task<Exception?> Attempt(Func<Task> register)
        {
            try
            {
                await register();
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        }
    }

    [Fact]
    public async Task Register_WrongCheckCharacter_NamesPosition18_AndStoresNothing()
    {
        var refused = await Should.ThrowAsync<InputValidationException>(() => RegisterAsync(Valid("91350100M000100Y44")));

        refused.Errors["creditCode"].ShouldHaveSingleItem().ShouldContain("第 18 位");
        (await _host.CountsAsync(Ct)).ShouldBe(new StoredCounts(0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task Register_WrongOrganizationCodeCheckDigit_NamesPosition17()
    {
        var first17 = "91350100M000100Y5";

        var refused = await Should.ThrowAsync<InputValidationException>(() =>
            RegisterAsync(Valid(first17 + CreditCode.CheckCharacter(first17))));

        refused.Errors["creditCode"].ShouldHaveSingleItem().ShouldContain("第 17 位");
    }

    [Fact]
    public async Task Register_CommitmentNotSigned_IsRefused_AndStoresNothing()
    {
        var input = Valid();
        input.CommitmentSigned = false;

        var refused = await Should.ThrowAsync<InputValidationException>(() => RegisterAsync(input));

        refused.Errors["commitmentSigned"].ShouldHaveSingleItem().ShouldContain("我已阅读并签署");
        (await _host.CountsAsync(Ct)).ShouldBe(new StoredCounts(0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task Register_OutdatedCommitmentVersion_IsRefused()
    {
        var input = Valid();
        input.CommitmentVersion = "v0";

        var refused = await Should.ThrowAsync<InputValidationException>(() => RegisterAsync(input));

        refused.Errors["commitmentSigned"].ShouldHaveSingleItem().ShouldContain(CreditCommitments.Current.Version);
    }

    [Fact]
    public async Task Register_WeakPassword_AfterTheOrganizationWasWritten_RollsEverythingBack()
    {
        var input = Valid();
        input.AdminPassword = "weakpassword";

        var refused = await Should.ThrowAsync<InputValidationException>(() => RegisterAsync(input));

        refused.Errors.Keys.ShouldBe(["adminPassword"]);
        (await _host.CountsAsync(Ct)).ShouldBe(new StoredCounts(0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task Register_EmptyInput_ListsEveryMissingField()
    {
        var refused = await Should.ThrowAsync<InputValidationException>(() => RegisterAsync(new RegisterMarketEntityInput()));

        refused.Errors.Keys.ShouldBe(
            ["creditCode", "legalName", "kind", "regionCode", "legalRepresentative", "contactPerson", "contactPhone", "roles",
                "adminUserName", "adminDisplayName", "adminPassword", "commitmentSigned"],
            ignoreOrder: true);
    }

    [Fact]
    public async Task Register_IndividualBusinessWithAnEnterpriseCode_IsRefusedNamingPositions1To2_AndStoresNothing()
    {
        var input = Valid();
        input.Kind = MarketEntityKind.IndividualBusiness;

        var refused = await Should.ThrowAsync<InputValidationException>(() => RegisterAsync(input));

        refused.Errors.Keys.ShouldBe(["kind"]);
        refused.Errors["kind"][0].ShouldContain("第 1–2 位");
        refused.Errors["kind"][0].ShouldContain("“92”");
        refused.Errors["kind"][0].ShouldContain("GB 32100-2015");
        (await _host.CountsAsync(Ct)).ShouldBe(new StoredCounts(0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task Register_IndividualBusinessCode_AsALegalPerson_IsRefused_AsAnIndividualBusiness_IsRegistered()
    {
        var first17 = "92350100M000100Y4";
        var code = first17 + CreditCode.CheckCharacter(first17);
        var input = Valid(code);

        (await Should.ThrowAsync<InputValidationException>(() => RegisterAsync(input))).Errors.Keys.ShouldBe(["kind"]);

        input.Kind = MarketEntityKind.IndividualBusiness;
        (await RegisterAsync(input)).Kind.ShouldBe(MarketEntityKind.IndividualBusiness);
    }

    [Fact]
    public async Task Register_RegionOtherThanPositions3To8_IsRefusedNamingTheExpectedRegion()
    {
        var input = Valid();
        input.RegionCode = "990100";

        var refused = await Should.ThrowAsync<InputValidationException>(() => RegisterAsync(input));

        refused.Errors.Keys.ShouldBe(["regionCode"]);
        refused.Errors["regionCode"][0].ShouldContain("第 3–8 位");
        refused.Errors["regionCode"][0].ShouldContain("350100");
    }

    [Fact]
    public async Task Register_RegionLeftBlank_IsTakenFromPositions3To8()
    {
        var input = Valid();
        input.RegionCode = " ";

        (await RegisterAsync(input)).RegionCode.ShouldBe("350100");
    }

    [Theory]
    [InlineData(MarketRole.Tenderer, Roles.Tenderer)]
    [InlineData(MarketRole.Agency, Roles.Agency)]
    [InlineData(MarketRole.Bidder, Roles.Bidder)]
    [InlineData(MarketRole.AuctionBuyer, Roles.Bidder)]
    public void PlatformRolesFor_EachWantedRole_GivesItsPlatformRole(MarketRole wanted, string role) =>
        RegisterMarketEntityHandler.PlatformRolesFor([wanted]).ShouldBe([role]);
}
