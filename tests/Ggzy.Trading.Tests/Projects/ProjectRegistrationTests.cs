using Ggzy.Credit.Contracts;
using Ggzy.Platform.Errors;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Tests.Projects;

/// <summary>
/// Registration and acceptance (R4, R5, R39): who registers, what the catalog says on the total of the lots, which
/// center decides, the Regulator's confirmation of a municipal platform company's project; bad input changes nothing.
/// </summary>
public sealed class ProjectRegistrationTests : IAsyncLifetime
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n安和市发展和改革委员会 批复\n"u8.ToArray(), .. "%%EOF"u8.ToArray()];

    private TradingTestHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await TradingTestHost.CreateAsync(Ct);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private TradingUser TendererUser => new("tenderer", _host.Tenderer.Id, false, false, false);

    private TradingUser AgencyUser => new("agency", _host.Agency.Id, false, false, false);

    private TradingUser CityClerk => new("clerk", _host.CityCenterId, true, false, false);

    private TradingUser EastClerk => new("clerk.east", _host.EastBranchId, true, false, false);

    private static TradingUser Regulator => new("regulator", Guid.NewGuid(), false, true, false);

    private static RegisterProjectInput Valid(string region = "990100", params decimal[] amounts) => new()
    {
        Name = "安和市第一小学操场改造工程",
        Regime = "Tender",
        Sector = CatalogNames.Construction,
        ProjectType = CatalogNames.Works,
        RegionCode = region,
        NeedsApproval = true,
        ApprovalNumber = "安发改审批〔2026〕201号",
        ApprovalAuthority = "安和市发展和改革委员会",
        FundingSource = "财政资金",
        FundingAmount = 5_000_000m,
        Lots = [.. (amounts.Length == 0 ? [5_000_000m] : amounts).Select((a, i) => new RegisterLotInput
        {
            Name = $"施工{i + 1}标段",
            EstimatedAmount = a,
            Method = "OpenTender",
        })],
    };

    private static ProjectUpload File(ProjectFileKind kind, string name = "批复.pdf", byte[]? content = null)
    {
        var bytes = content ?? Pdf;
        return new ProjectUpload(kind, name, "application/pdf", bytes.Length, () => new MemoryStream(bytes));
    }

    private Task<ProjectView> RegisterAsync(TradingUser user, RegisterProjectInput input, bool asAgency = false, params ProjectUpload[] files) =>
        _host.RunAsync(sp => Service(sp).RegisterAsync(user, asAgency, input, files, Ct));

    private ProjectRegistrationService Service(IServiceProvider sp) =>
        ActivatorUtilities.CreateInstance<ProjectRegistrationService>(sp, new KnownEntities(_host));

    private Task<int> ProjectCountAsync() => _host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().Projects.CountAsync(Ct));

    [Fact]
    public async Task Register_ByTheTenderer_IsSubmittedWithTradeCodesTheVerdictAndTheFile_OnTheLedger()
    {
        var project = await RegisterAsync(TendererUser, Valid(), false, File(ProjectFileKind.Approval));

        project.Status.ShouldBe(ProjectStatus.Submitted);
        TradeCodes.IsValidProject(project.TradeCode).ShouldBeTrue();
        project.TradeCode.ShouldStartWith("E9901002026");
        project.Lots.Single().TradeCode.ShouldBe(project.TradeCode + "001");
        project.TendererCode.ShouldBe(_host.Tenderer.CreditCode);
        project.AgencyName.ShouldBeNull();
        project.Verdict.ShouldBe(CatalogVerdict.MustEnter);
        project.CenterId.ShouldBe(_host.CityCenterId);
        project.Files.Single().Digest.Length.ShouldBe(64);
        project.Files.Single().ContentType.ShouldBe("application/pdf");
        var entry = (await _host.LedgerAsync(ProjectLedger.Registered, Ct)).Single();
        entry.Subject.ShouldBe($"project:{project.TradeCode}");
        entry.Payload.ShouldContain(project.Files.Single().Digest);
        project.History.Single().Summary.ShouldContain("登记项目");
    }

    [Fact]
    public async Task Register_TwoLotsEachBelowTheThreshold_IsClassifiedOnTheirTotal_AndMustEnter()
    {
        var project = await RegisterAsync(TendererUser, Valid("990100", 2_500_000m, 2_500_000m), false, File(ProjectFileKind.Approval));

        project.Verdict.ShouldBe(CatalogVerdict.MustEnter);
        project.Lots.Select(l => l.TradeCode[20..]).ShouldBe(["001", "002"]);
    }

    [Fact]
    public async Task Register_BelowTheThresholdInTheEast_IsVoluntary_AtTheBranchCenter()
    {
        var project = await RegisterAsync(TendererUser, Valid("990102", 1_000_000m), false, File(ProjectFileKind.Approval));

        project.Verdict.ShouldBe(CatalogVerdict.MayEnterVoluntarily);
        project.CenterId.ShouldBe(_host.EastBranchId);
    }

    [Fact]
    public async Task Register_TwoProjects_GetConsecutiveCodes()
    {
        var first = await RegisterAsync(TendererUser, Valid(), false, File(ProjectFileKind.Approval));
        var second = await RegisterAsync(TendererUser, Valid(), false, File(ProjectFileKind.Approval));

        second.TradeCode[11..19].ShouldBe("00000002");
        first.TradeCode[11..19].ShouldBe("00000001");
    }

    [Fact]
    public async Task Register_NeedingApprovalWithoutItsFile_OrWithAWordFile_IsRefusedInChinese_AndStoresNothing()
    {
        var missing = await Should.ThrowAsync<InputValidationException>(() => RegisterAsync(TendererUser, Valid()));
        missing.Errors["approvalFile"].Single().ShouldContain("第十一条");

        var word = await Should.ThrowAsync<InputValidationException>(() =>
            RegisterAsync(TendererUser, Valid(), false, File(ProjectFileKind.Approval, "批复.docx")));
        word.Errors["approvalFile"].Single().ShouldContain("PDF、OFD、JPG、PNG");

        var disguised = await Should.ThrowAsync<InputValidationException>(() =>
            RegisterAsync(TendererUser, Valid(), false, File(ProjectFileKind.Approval, "批复.pdf", "MZ\x90\0"u8.ToArray())));
        disguised.Errors.ShouldContainKey("approvalFile");

        (await ProjectCountAsync()).ShouldBe(0);
        (await _host.LedgerAsync("trading.project", Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Register_AFileOverTheLimit_IsRefused()
    {
        var big = new ProjectUpload(ProjectFileKind.Approval, "批复.pdf", "application/pdf", 21L * 1024 * 1024, () => new MemoryStream(Pdf));

        var refusal = await Should.ThrowAsync<InputValidationException>(() => RegisterAsync(TendererUser, Valid(), false, big));

        refusal.Errors["approvalFile"].Single().ShouldContain("20 MB");
    }

    [Fact]
    public async Task Register_WithBadFields_NamesEachField()
    {
        var input = Valid();
        input.Name = " ";
        input.Regime = "99";
        input.Sector = "水利";
        input.RegionCode = "110101";
        input.Lots = [new RegisterLotInput { Name = "", EstimatedAmount = -1, Method = "Auction" }];

        var refusal = await Should.ThrowAsync<InputValidationException>(() => RegisterAsync(TendererUser, input, false, File(ProjectFileKind.Approval)));

        refusal.Errors.Keys.ShouldBe(["name", "regime", "lots[0].name", "lots[0].estimatedAmount", "lots[0].method", "sector", "regionCode"], ignoreOrder: true);
        refusal.Errors["lots[0].method"].Single().ShouldStartWith("第 1 个标段（包）");
    }

    [Fact]
    public async Task Register_ByTheAgency_NeedsTheEntrustmentAndARegisteredTenderer()
    {
        var input = Valid();
        input.TendererCode = "91350100M000100Y43";
        var refusal = await Should.ThrowAsync<InputValidationException>(() => RegisterAsync(AgencyUser, input, true, File(ProjectFileKind.Approval)));
        refusal.Errors["entrustmentFile"].Single().ShouldContain("委托合同");
        refusal.Errors["tendererCode"].Single().ShouldContain("未在本平台注册");

        input.TendererCode = _host.Tenderer.CreditCode;
        var project = await RegisterAsync(AgencyUser, input, true, File(ProjectFileKind.Approval), File(ProjectFileKind.Entrustment, "委托合同.pdf"));

        project.TendererName.ShouldBe(_host.Tenderer.Name);
        project.AgencyCode.ShouldBe(_host.Agency.CreditCode);
        project.RegisteredBy.ShouldBe("agency");
        project.Files.Select(f => f.Kind).ShouldBe([ProjectFileKind.Approval, ProjectFileKind.Entrustment]);
    }

    [Fact]
    public async Task Accept_ByTheCityCenter_OfABranchProject_IsAccepted_ButTheBranchCannotDecideTheCitysProject()
    {
        var east = await RegisterAsync(TendererUser, Valid("990102", 1_000_000m), false, File(ProjectFileKind.Approval));
        var city = await RegisterAsync(TendererUser, Valid(), false, File(ProjectFileKind.Approval));

        var accepted = await _host.RunAsync(sp => Service(sp).DecideAsync(CityClerk, east.Id, new ProjectDecisionInput { Accept = true }, Ct));
        await Should.ThrowAsync<ForbiddenException>(() =>
            _host.RunAsync(sp => Service(sp).DecideAsync(EastClerk, city.Id, new ProjectDecisionInput { Accept = true }, Ct)));

        accepted.Status.ShouldBe(ProjectStatus.Accepted);
        accepted.DecidedBy.ShouldBe("clerk");
        (await _host.LedgerAsync(ProjectLedger.Accepted, Ct)).Count.ShouldBe(1);
        var again = await Should.ThrowAsync<BusinessRuleException>(() =>
            _host.RunAsync(sp => Service(sp).DecideAsync(CityClerk, east.Id, new ProjectDecisionInput { Accept = true }, Ct)));
        again.Message.ShouldContain("已有决定");
    }

    [Fact]
    public async Task Refuse_WithoutAReasonOrFacts_IsRefused_AndChangesNothing_WithThem_CitesArticle18()
    {
        var project = await RegisterAsync(TendererUser, Valid(), false, File(ProjectFileKind.Approval));

        var bad = await Should.ThrowAsync<InputValidationException>(() =>
            _host.RunAsync(sp => Service(sp).DecideAsync(CityClerk, project.Id, new ProjectDecisionInput { Accept = false }, Ct)));
        bad.Errors["reason"].Single().ShouldContain("第十八条");
        bad.Errors.ShouldContainKey("note");
        (await _host.RunAsync(sp => Service(sp).GetAsync(CityClerk, project.Id, Ct))).Status.ShouldBe(ProjectStatus.Submitted);

        var refused = await _host.RunAsync(sp => Service(sp).DecideAsync(CityClerk, project.Id,
            new ProjectDecisionInput { Accept = false, Reason = "OwnershipDisputed", Note = "该地块权属存在诉讼。" }, Ct));

        refused.Status.ShouldBe(ProjectStatus.Refused);
        refused.RefusalReason.ShouldBe(RegistrationRefusal.OwnershipDisputed);
        refused.History[^1].Summary.ShouldContain("项目权属有争议");
        refused.History[^1].Summary.ShouldContain("第十八条");
    }

    [Fact]
    public async Task MunicipalPlatformCompany_AcceptedByStaff_WaitsForTheRegulator_WhoseConfirmationAcceptsIt()
    {
        var input = Valid();
        input.MunicipalPlatformCompany = true;
        var project = await RegisterAsync(TendererUser, input, false, File(ProjectFileKind.Approval));

        var referred = await _host.RunAsync(sp => Service(sp).DecideAsync(CityClerk, project.Id, new ProjectDecisionInput { Accept = true, Note = "材料齐全。" }, Ct));
        referred.Status.ShouldBe(ProjectStatus.AwaitingRegulator);
        await Should.ThrowAsync<ForbiddenException>(() =>
            _host.RunAsync(sp => Service(sp).ConfirmAsync(CityClerk, project.Id, new ProjectDecisionInput { Accept = true }, Ct)));

        var confirmed = await _host.RunAsync(sp => Service(sp).ConfirmAsync(Regulator, project.Id, new ProjectDecisionInput { Accept = true }, Ct));

        confirmed.Status.ShouldBe(ProjectStatus.Accepted);
        confirmed.RegulatorConfirmedBy.ShouldBe("regulator");
        confirmed.History.Select(h => h.Type).ShouldBe([ProjectLedger.Registered, ProjectLedger.Referred, ProjectLedger.Confirmed]);
    }

    [Fact]
    public async Task Exempt_WithReasonAndBasis_IsExempted_WithoutABasis_IsRefused()
    {
        var project = await RegisterAsync(TendererUser, Valid(), false, File(ProjectFileKind.Approval));

        var bad = await Should.ThrowAsync<InputValidationException>(() => _host.RunAsync(sp =>
            Service(sp).ExemptAsync(CityClerk, project.Id, new ProjectExemptionInput { Reason = "Emergency" }, null, Ct)));
        bad.Errors["basis"].Single().ShouldContain("第十五条");

        var exempted = await _host.RunAsync(sp => Service(sp).ExemptAsync(CityClerk, project.Id,
            new ProjectExemptionInput { Reason = "DisasterRelief", Basis = "安防指〔2026〕9号" }, File(ProjectFileKind.Other, "决定.pdf"), Ct));

        exempted.Status.ShouldBe(ProjectStatus.Exempted);
        exempted.Exemption.ShouldBe(ExemptionReason.DisasterRelief);
        exempted.Files.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Read_ByAnotherTenderer_IsForbidden_AndTheirListIsEmpty_FileDownloadIsOnTheLedger()
    {
        var project = await RegisterAsync(TendererUser, Valid(), false, File(ProjectFileKind.Approval));
        var other = new TradingUser("bidder", _host.Bidder.Id, false, false, false);

        await Should.ThrowAsync<ForbiddenException>(() => _host.RunAsync(sp => Service(sp).GetAsync(other, project.Id, Ct)));
        await Should.ThrowAsync<ForbiddenException>(() => _host.RunAsync(sp => Service(sp).OpenFileAsync(other, project.Id, project.Files[0].Id, Ct)));
        (await _host.RunAsync(sp => Service(sp).ListAsync(other, null, Ct))).Projects.ShouldBeEmpty();
        (await _host.RunAsync(sp => Service(sp).ListAsync(TendererUser, null, Ct))).Projects.Single().Id.ShouldBe(project.Id);
        (await _host.RunAsync(sp => Service(sp).ListAsync(CityClerk, ProjectStatus.Submitted, Ct))).Counts[ProjectStatus.Submitted].ShouldBe(1);

        var content = await _host.RunAsync(async sp =>
        {
            var file = await Service(sp).OpenFileAsync(CityClerk, project.Id, project.Files[0].Id, Ct);
            await using var stream = file.Content;
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, Ct);
            return copy.ToArray();
        });

        content.ShouldBe(Pdf);
        (await _host.LedgerAsync(ProjectLedger.FileRead, Ct)).Single().Actor.ShouldNotBeNull();
    }

    [Fact]
    public void TradeCode_OfTheDocumentedExample_IsAsDocumented()
    {
        TradeCodes.ForProject(CatalogNames.Construction, "990100", 2026, 1).ShouldBe("E990100202600000001H");
        TradeCodes.ForLot("E990100202600000001H", 1).ShouldBe("E990100202600000001H001");
    }

    /// <summary>The Credit registry as the test needs it: the host's tenderer is registered, nothing else.</summary>
    private sealed class KnownEntities(TradingTestHost host) : IMarketEntities
    {
        public Task<MarketEntityInfo?> FindByCreditCodeAsync(string creditCode, CancellationToken ct) =>
            Task.FromResult(creditCode == host.Tenderer.CreditCode
                ? new MarketEntityInfo(Guid.NewGuid(), creditCode, host.Tenderer.Name, MarketEntityKind.LegalPerson, "990100", "刘德明",
                    MarketRole.Tenderer, host.Tenderer.Id, host.Tenderer.CreatedAt, null)
                : null);

        public Task<MarketEntityInfo> RegisterAsync(RegisterMarketEntityInput input, CancellationToken ct) => throw new NotSupportedException();

        public Task<IReadOnlyList<MarketEntityInfo>> ListAsync(string? search, CancellationToken ct) => throw new NotSupportedException();
    }
}
