using Ggzy.Credit.Contracts;
using Ggzy.Platform.Data;
using Ggzy.Platform.Errors;
using Ggzy.Sealing.Pki;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Credit.Tests.Features;

/// <summary>The trust list and binding (R32) on the module alone: what is refused, and that a refusal stores nothing.</summary>
public sealed class CertificateTrustTests : IAsyncLifetime
{
    private CreditTestHost _host = null!;
    private Guid _organization;
    private Guid _user;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateTimeOffset Now => _host.Clock.GetUtcNow();

    public async ValueTask InitializeAsync()
    {
        _host = await CreditTestHost.CreateAsync(Ct);
        await _host.RunAsync(sp => sp.GetRequiredService<IMarketEntities>().RegisterAsync(RegisterMarketEntityTests.Valid(), Ct));
        (_organization, _user) = await _host.RunAsync(async sp =>
        {
            var user = await sp.GetRequiredService<PlatformDbContext>().Users.SingleAsync(u => u.UserName == "hongyuan.admin", Ct);
            return (user.OrganizationId!.Value, user.Id);
        });
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Intermediate_NeedsItsRootOnTheList_AndRemovingTheRootEndsTrustInWhatItIssued()
    {
        var root = Root(KeyAlgorithm.Rsa);
        var intermediate = CertificateAuthority.CreateIntermediate(root, KeyAlgorithm.Sm2, "中级 CA", "测试 CA", Now.AddDays(-1), Now.AddYears(3));

        var refused = await Should.ThrowAsync<BusinessRuleException>(() => AddAsync(intermediate.Certificate));
        refused.Message.ShouldContain("中级 CA 须先将其根 CA 加入信任列表");

        var rootView = await AddAsync(root.Certificate);
        var intermediateView = await AddAsync(intermediate.Certificate);
        rootView.IsRoot.ShouldBeTrue();
        intermediateView.IsRoot.ShouldBeFalse();
        (await BindAsync(Leaf(intermediate).Certificate)).KeyAlgorithm.ShouldBe("SM2");

        await _host.RunAsync(async sp =>
        {
            await sp.GetRequiredService<ITrustList>().RemoveAsync(rootView.Id, "admin", Ct);
            return 0;
        });
        (await Should.ThrowAsync<BusinessRuleException>(() => BindAsync(Leaf(intermediate).Certificate))).Message.ShouldContain("证书不受信任");
        var list = await _host.RunAsync(sp => sp.GetRequiredService<ITrustList>().ListAsync(Ct));
        list.Single(a => a.Id == rootView.Id).RemovedBy.ShouldBe("admin");
        (await _host.LedgerAsync("credit.trust-list.removed", Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Add_RefusesAnEndEntityCertificate_ADuplicate_AndGarbage_StoringNothing()
    {
        var root = Root(KeyAlgorithm.Sm2);
        await AddAsync(root.Certificate);
        var before = await _host.CountsAsync(Ct);

        (await Should.ThrowAsync<BusinessRuleException>(() => AddAsync(Leaf(root).Certificate))).Message.ShouldContain("不是 CA 证书");
        (await Should.ThrowAsync<BusinessRuleException>(() => AddAsync(root.Certificate))).Message.ShouldContain("已在信任列表中");
        (await Should.ThrowAsync<InputValidationException>(() => _host.RunAsync(sp =>
            sp.GetRequiredService<ITrustList>().AddAsync("garbage"u8.ToArray(), "admin", Ct)))).Errors.Keys.ShouldBe(["certificate"]);

        (await _host.CountsAsync(Ct)).ShouldBe(before);
    }

    [Fact]
    public async Task RevocationList_MustBeTheCasOwn_Current_AndNotOlder_ThenRevokedCertificatesCannotBeBound()
    {
        var root = Root(KeyAlgorithm.Sm2);
        var other = Root(KeyAlgorithm.Sm2);
        var id = (await AddAsync(root.Certificate)).Id;
        var revoked = Leaf(root);

        (await Should.ThrowAsync<BusinessRuleException>(() => CrlAsync(id,
            CertificateAuthority.IssueRevocationList(other, [], Now, Now.AddDays(7))))).Message.ShouldContain("不是由 CA");
        (await Should.ThrowAsync<BusinessRuleException>(() => CrlAsync(id,
            CertificateAuthority.IssueRevocationList(root, [], Now.AddDays(-9), Now.AddDays(-2))))).Message.ShouldContain("吊销列表已过期");
        var current = await CrlAsync(id, CertificateAuthority.IssueRevocationList(root, [revoked.Certificate], Now.AddHours(-1), Now.AddDays(7)));
        current.CrlNextUpdate.ShouldBe(Now.AddDays(7).AddTicks(-(Now.AddDays(7).Ticks % TimeSpan.TicksPerSecond)));
        (await Should.ThrowAsync<BusinessRuleException>(() => CrlAsync(id,
            CertificateAuthority.IssueRevocationList(root, [], Now.AddDays(-1), Now.AddDays(7))))).Message.ShouldContain("比已上传的旧");

        (await Should.ThrowAsync<BusinessRuleException>(() => BindAsync(revoked.Certificate))).Message.ShouldContain("证书已吊销");
        (await BindAsync(Leaf(root).Certificate)).UserName.ShouldBe("hongyuan.admin");

        _host.Clock.Advance(TimeSpan.FromDays(8));
        (await Should.ThrowAsync<BusinessRuleException>(() => BindAsync(Leaf(root).Certificate))).Message.ShouldContain("无法确认证书是否已吊销");
    }

    [Fact]
    public async Task Bind_ReadsTheCreditCodeFromTheSubject_AndRefusesAnotherEntitys()
    {
        var root = Root(KeyAlgorithm.Rsa);
        await AddAsync(root.Certificate);

        (await BindAsync(Leaf(root, "NTRCN-" + RegisterMarketEntityTests.Code).Certificate)).Subject.ShouldContain(RegisterMarketEntityTests.Code);
        (await BindAsync(Leaf(root, null).Certificate)).Subject.ShouldNotContain("2.5.4.97");
        var before = await _host.CountsAsync(Ct);
        var wrong = await Should.ThrowAsync<BusinessRuleException>(() => BindAsync(Leaf(root, "91110000600037341L").Certificate));
        wrong.Message.ShouldContain("91110000600037341L");
        (await _host.CountsAsync(Ct)).ShouldBe(before);

        var bound = Leaf(root);
        var view = await BindAsync(bound.Certificate);
        (await Should.ThrowAsync<BusinessRuleException>(() => BindAsync(bound.Certificate))).Message.ShouldContain("已绑定到账户 hongyuan.admin");
        await _host.RunAsync(async sp =>
        {
            await sp.GetRequiredService<IEntityCertificates>().UnbindAsync(_organization, view.Id, "hongyuan.admin", Ct);
            return 0;
        });
        (await BindAsync(bound.Certificate)).Id.ShouldNotBe(view.Id);
    }

    private CertificateWithKey Root(KeyAlgorithm algorithm) =>
        CertificateAuthority.CreateRoot(algorithm, $"测试根 CA {Guid.NewGuid():N}", "测试 CA", Now.AddYears(-1), Now.AddYears(5));

    private CertificateWithKey Leaf(CertificateWithKey issuer, string? code = RegisterMarketEntityTests.Code) =>
        CertificateAuthority.Issue(issuer, issuer.Key.Algorithm, new CertificateSubject("冯志远", "福州宏远建筑工程有限公司", code),
            Now.AddDays(-1), Now.AddYears(1));

    private Task<TrustedAuthorityView> AddAsync(Certificate certificate) =>
        _host.RunAsync(sp => sp.GetRequiredService<ITrustList>().AddAsync(certificate.Der, "admin", Ct));

    private Task<TrustedAuthorityView> CrlAsync(Guid id, RevocationList crl) =>
        _host.RunAsync(sp => sp.GetRequiredService<ITrustList>().UpdateRevocationListAsync(id, crl.Der, "admin", Ct));

    private Task<BoundCertificateView> BindAsync(Certificate certificate) =>
        _host.RunAsync(sp => sp.GetRequiredService<IEntityCertificates>()
            .BindCertificateAsync(_organization, _user, "hongyuan.admin", certificate.Der, Ct));
}
