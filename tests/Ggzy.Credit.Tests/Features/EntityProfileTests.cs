using System.Security.Claims;
using Ggzy.Credit.Contracts;
using Ggzy.Credit.Data;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Credit.Tests.Features;

public sealed class EntityProfileTests : IAsyncLifetime
{
    private CreditTestHost _host = null!;
    private ClaimsPrincipal _member = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await CreditTestHost.CreateAsync(Ct);
        await _host.RunAsync(sp => sp.GetRequiredService<IMarketEntities>().RegisterAsync(RegisterMarketEntityTests.Valid(), Ct));
        var id = await _host.RunAsync(async sp => (await sp.GetRequiredService<UserManager<PlatformUser>>().FindByNameAsync("hongyuan.admin"))!.Id);
        _member = new ClaimsPrincipal(new ClaimsIdentity([new(ClaimTypes.NameIdentifier, id.ToString())], "test"));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<T> ProfilesAsync<T>(Func<IEntityProfiles, Task<T>> work) => _host.RunAsync(sp => work(sp.GetRequiredService<IEntityProfiles>()));

    private DateOnly Today => DateOnly.FromDateTime(_host.Clock.GetUtcNow().AddHours(8).DateTime);

    private PerformanceInput Project(decimal amount = 28_650_000.50m) => new()
    {
        ProjectName = "福州市第二实验小学教学楼",
        Client = "福州市教育局",
        Amount = amount,
        CompletedOn = Today.AddMonths(-3),
    };

    private Task<int> RowsAsync() => _host.RunAsync(async sp =>
    {
        var db = sp.GetRequiredService<CreditDbContext>();
        return await db.Performances.CountAsync(Ct) + await db.Qualifications.CountAsync(Ct);
    });

    [Fact]
    public async Task AddPerformance_IsPublished_AndOnTheLedger()
    {
        await ProfilesAsync(p => p.AddPerformanceAsync(_member, Project(), Ct));

        var profile = (await ProfilesAsync(p => p.FindAsync(RegisterMarketEntityTests.Code, Ct))).ShouldNotBeNull();
        var row = profile.Performance.ShouldHaveSingleItem();
        row.Amount.ShouldBe(28_650_000.50m);
        row.RecordedBy.ShouldBe("hongyuan.admin");
        (await _host.LedgerAsync("credit.performance.added", Ct)).ShouldHaveSingleItem().Subject.ShouldBe($"market-entity:{RegisterMarketEntityTests.Code}");
    }

    [Fact]
    public async Task CorrectPerformance_WithdrawsTheOldRowAndAddsTheNewOne_KeepingBoth()
    {
        var first = await ProfilesAsync(p => p.AddPerformanceAsync(_member, Project(), Ct));

        var corrected = await ProfilesAsync(p => p.CorrectPerformanceAsync(_member, first.Id, Project(30_000_000m), Ct));

        corrected.Replaces.ShouldBe(first.Id);
        (await ProfilesAsync(p => p.OwnAsync(_member, Ct))).Performance.ShouldHaveSingleItem().Amount.ShouldBe(30_000_000m);
        (await RowsAsync()).ShouldBe(2);
        (await _host.LedgerAsync("credit.performance.corrected", Ct)).ShouldHaveSingleItem();
        await Should.ThrowAsync<NotFoundException>(() => ProfilesAsync(p => p.CorrectPerformanceAsync(_member, first.Id, Project(), Ct)));
    }

    [Fact]
    public async Task WithdrawPerformance_HidesItFromThePublic()
    {
        var first = await ProfilesAsync(p => p.AddPerformanceAsync(_member, Project(), Ct));

        await _host.RunAsync(async sp =>
        {
            await sp.GetRequiredService<IEntityProfiles>().WithdrawPerformanceAsync(_member, first.Id, Ct);
            return true;
        });

        (await ProfilesAsync(p => p.FindAsync(RegisterMarketEntityTests.Code, Ct)))!.Performance.ShouldBeEmpty();
        (await _host.LedgerAsync("credit.performance.withdrawn", Ct)).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData(0, 0, "amount")]
    [InlineData(-5, 0, "amount")]
    [InlineData(1.234, 0, "amount")]
    [InlineData(100, 1, "completedOn")]
    public async Task AddPerformance_BadAmountOrFutureDate_IsRefused_AndStoresNothing(double amount, int daysAhead, string field)
    {
        var input = Project((decimal)amount);
        input.CompletedOn = daysAhead > 0 ? Today.AddDays(daysAhead) : input.CompletedOn;
        var ledger = (await _host.CountsAsync(Ct)).LedgerEntries;

        var refused = await Should.ThrowAsync<InputValidationException>(() => ProfilesAsync(p => p.AddPerformanceAsync(_member, input, Ct)));

        refused.Errors.Keys.ShouldBe([field]);
        (await RowsAsync()).ShouldBe(0);
        (await _host.CountsAsync(Ct)).LedgerEntries.ShouldBe(ledger);
    }

    [Fact]
    public async Task Qualifications_ExpiredOnesAreMarked_AndBadDatesRefused()
    {
        await ProfilesAsync(p => p.AddQualificationAsync(_member, new QualificationInput
        {
            Name = "安全生产许可证",
            CertificateNumber = "（闽）JZ安许证字〔2020〕001",
            IssuingAuthority = "福建省住房和城乡建设厅",
            ValidFrom = Today.AddYears(-3),
            ValidUntil = Today.AddDays(-1),
        }, Ct));
        await ProfilesAsync(p => p.AddQualificationAsync(_member, new QualificationInput
        {
            Name = "建筑工程施工总承包",
            CertificateNumber = "D235000001",
            IssuingAuthority = "福建省住房和城乡建设厅",
            Level = "一级",
            ValidFrom = Today.AddYears(-1),
            ValidUntil = Today,
        }, Ct));

        var qualifications = (await ProfilesAsync(p => p.FindAsync(RegisterMarketEntityTests.Code, Ct)))!.Qualifications;
        qualifications.Single(q => q.Name == "安全生产许可证").IsExpired.ShouldBeTrue();
        qualifications.Single(q => q.Name == "建筑工程施工总承包").IsExpired.ShouldBeFalse();
        var summary = (await ProfilesAsync(p => p.SummariesAsync(Ct))).Values.ShouldHaveSingleItem();
        summary.ShouldBe(new EntityProfileSummary(0, 2, 1));

        var refused = await Should.ThrowAsync<InputValidationException>(() => ProfilesAsync(p => p.AddQualificationAsync(_member,
            new QualificationInput { Name = "x", CertificateNumber = "1", IssuingAuthority = "y", ValidFrom = Today, ValidUntil = Today.AddDays(-1) }, Ct)));
        refused.Errors.Keys.ShouldBe(["validUntil"]);
    }

    [Fact]
    public async Task SomeoneOfNoMarketEntity_IsForbidden()
    {
        var stranger = new ClaimsPrincipal(new ClaimsIdentity([new(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString())], "test"));

        await Should.ThrowAsync<ForbiddenException>(() => ProfilesAsync(p => p.AddPerformanceAsync(stranger, Project(), Ct)));
        (await RowsAsync()).ShouldBe(0);
    }
}
