using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Sealing.Pki;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Credit;

/// <summary>
/// Sign-in by certificate (R32) over HTTP: certificates of the tests' own SM2 and RSA CAs on the trust list, bound by
/// a bidder, used to sign a one-time challenge for an API token; and every way it is refused, which stores nothing but
/// the refusal's ledger entry.
/// </summary>
public sealed class CertificateSignInTests(MovableClockApp app) : IClassFixture<MovableClockApp>
{
    private const string Challenge = "/api/v1/auth/certificate/challenge";
    private const string Token = "/api/v1/auth/certificate/token";
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string BidderCode => DemoCertificates.CreditCodeOf(DemoAccounts.Organizations.Single(o => o.Key == "bidder1"));

    [Theory]
    [InlineData(KeyAlgorithm.Sm2)]
    [InlineData(KeyAlgorithm.Rsa)]
    [InlineData(KeyAlgorithm.Ecdsa)]
    public async Task SignIn_WithABoundCertificate_GivesATokenForTheBoundAccount(KeyAlgorithm algorithm)
    {
        var root = await TrustedRootAsync(algorithm);
        var holder = Issue(root, algorithm);
        await BindAsync("bidder", holder.Certificate);

        var (challengeId, text) = await ChallengeAsync(holder.Certificate);
        var response = await TokenAsync(challengeId, holder.Key.Sign(Encoding.UTF8.GetBytes(text)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.HtmlAsync());
        var json = await response.JsonAsync();
        json.GetProperty("userName").GetString().ShouldBe("bidder");
        json.GetProperty("organization").GetString().ShouldBe("安和宏远建筑工程有限公司");
        using var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.GetProperty("token").GetString());
        (await (await client.GetPathAsync("/api/v1/me")).JsonAsync()).GetProperty("userName").GetString().ShouldBe("bidder");
        (await LedgerTypesAsync(0)).ShouldContain("credit.certificate.signed-in");
    }

    [Fact]
    public async Task SignIn_WithAnIntermediatePresentedAfterTheCertificate_ChainsToTheListedRoot()
    {
        var root = await TrustedRootAsync(KeyAlgorithm.Rsa);
        var intermediate = CertificateAuthority.CreateIntermediate(root, KeyAlgorithm.Sm2, "测试中级 CA", "测试 CA", Now.AddDays(-1), Now.AddYears(2));
        var holder = Issue(intermediate, KeyAlgorithm.Sm2);
        var chain = holder.Certificate.ToPem() + intermediate.Certificate.ToPem();
        var bidder = await app.SignInAsync("bidder");
        (await bidder.PostJsonAsync("/api/v1/credit/certificates", new { certificate = chain })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await ShouldBeRefusedAsync(() => PostChallengeAsync(holder.Certificate), HttpStatusCode.UnprocessableEntity, "证书不受信任");
        var response = await Anonymous().PostJsonAsync(Challenge, new { certificate = chain });
        var json = await response.JsonAsync();
        var token = await TokenAsync(json.GetProperty("challengeId").GetGuid(),
            holder.Key.Sign(Encoding.UTF8.GetBytes(json.GetProperty("challenge").GetString()!)));

        token.StatusCode.ShouldBe(HttpStatusCode.OK, await token.HtmlAsync());
    }

    [Fact]
    public async Task SignIn_WithTheSameChallengeTwice_IsRefusedTheSecondTime_AlsoWhenRacing()
    {
        var root = await TrustedRootAsync(KeyAlgorithm.Sm2);
        var holder = Issue(root, KeyAlgorithm.Sm2);
        await BindAsync("bidder", holder.Certificate);

        var (first, text) = await ChallengeAsync(holder.Certificate);
        var signature = holder.Key.Sign(Encoding.UTF8.GetBytes(text));
        (await TokenAsync(first, signature)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeRefusedAsync(() => TokenAsync(first, signature), HttpStatusCode.UnprocessableEntity, "挑战已使用");

        var (second, text2) = await ChallengeAsync(holder.Certificate);
        var signature2 = holder.Key.Sign(Encoding.UTF8.GetBytes(text2));
        var racing = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => TokenAsync(second, signature2)));
        racing.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        racing.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity).ShouldBe(3);
    }

    [Fact]
    public async Task SignIn_AfterTheChallengeExpired_IsRefused()
    {
        var root = await TrustedRootAsync(KeyAlgorithm.Rsa);
        var holder = Issue(root, KeyAlgorithm.Rsa);
        await BindAsync("bidder", holder.Certificate);
        var (challengeId, text) = await ChallengeAsync(holder.Certificate);

        app.Clock.Ahead = TimeSpan.FromMinutes(6);
        try
        {
            await ShouldBeRefusedAsync(() => TokenAsync(challengeId, holder.Key.Sign(Encoding.UTF8.GetBytes(text))),
                HttpStatusCode.UnprocessableEntity, "挑战已过期");
        }
        finally
        {
            app.Clock.Ahead = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task SignIn_WithASignatureByAnotherKey_IsRefused()
    {
        var root = await TrustedRootAsync(KeyAlgorithm.Sm2);
        var holder = Issue(root, KeyAlgorithm.Sm2);
        var other = Issue(root, KeyAlgorithm.Sm2);
        await BindAsync("bidder", holder.Certificate);
        var (challengeId, text) = await ChallengeAsync(holder.Certificate);

        await ShouldBeRefusedAsync(() => TokenAsync(challengeId, other.Key.Sign(Encoding.UTF8.GetBytes(text))),
            HttpStatusCode.UnprocessableEntity, "签名无效");
        await ShouldBeRefusedAsync(() => TokenAsync(challengeId, holder.Key.Sign("another text"u8)),
            HttpStatusCode.UnprocessableEntity, "签名无效");
        await ShouldBeRefusedAsync(() => TokenAsync(Guid.NewGuid(), holder.Key.Sign(Encoding.UTF8.GetBytes(text))),
            HttpStatusCode.NotFound, "挑战不存在");
        (await TokenAsync(challengeId, holder.Key.Sign(Encoding.UTF8.GetBytes(text)))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Challenge_ForACertificateNotBound_IsRefused()
    {
        var root = await TrustedRootAsync(KeyAlgorithm.Sm2);

        await ShouldBeRefusedAsync(() => PostChallengeAsync(Issue(root, KeyAlgorithm.Sm2).Certificate),
            HttpStatusCode.UnprocessableEntity, "证书未绑定");
    }

    [Fact]
    public async Task Challenge_ForExpiredNotYetValidUntrustedOrForgedCertificates_SaysWhatIsWrong()
    {
        var root = await TrustedRootAsync(KeyAlgorithm.Rsa);
        var expired = CertificateAuthority.Issue(root, KeyAlgorithm.Rsa, Subject(), Now.AddYears(-1), Now.AddDays(-1));
        var early = CertificateAuthority.Issue(root, KeyAlgorithm.Rsa, Subject(), Now.AddDays(1), Now.AddYears(1));
        var unlisted = Issue(Root(KeyAlgorithm.Sm2), KeyAlgorithm.Sm2);
        var impostor = CertificateAuthority.CreateRoot(KeyAlgorithm.Rsa, root.Certificate.CommonName, "测试 CA", Now.AddDays(-1), Now.AddYears(1));
        var forged = Issue(impostor, KeyAlgorithm.Rsa);

        await ShouldBeRefusedAsync(() => PostChallengeAsync(expired.Certificate), HttpStatusCode.UnprocessableEntity, "证书已过期");
        await ShouldBeRefusedAsync(() => PostChallengeAsync(early.Certificate), HttpStatusCode.UnprocessableEntity, "证书尚未生效");
        await ShouldBeRefusedAsync(() => PostChallengeAsync(unlisted.Certificate), HttpStatusCode.UnprocessableEntity, "证书不受信任");
        await ShouldBeRefusedAsync(() => PostChallengeAsync(forged.Certificate), HttpStatusCode.UnprocessableEntity, "证书签名无效");
        await ShouldBeRefusedAsync(() => Anonymous().PostJsonAsync(Challenge, new { certificate = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----" }),
            HttpStatusCode.BadRequest, "无法读取证书");
    }

    [Fact]
    public async Task SignIn_AfterTheCaRevokedTheCertificate_IsRefused_AndBindingItIsToo()
    {
        var root = await TrustedRootAsync(KeyAlgorithm.Sm2);
        var holder = Issue(root, KeyAlgorithm.Sm2);
        await BindAsync("bidder", holder.Certificate);
        var (challengeId, text) = await ChallengeAsync(holder.Certificate);

        var crl = CertificateAuthority.IssueRevocationList(root, [holder.Certificate], Now.AddMinutes(-1), Now.AddDays(7));
        var admin = await app.SignInAsync("admin");
        var id = await AuthorityIdAsync(admin, root.Certificate);
        (await admin.PostJsonAsync($"/api/v1/credit/trust-list/{id}/crl", new { crl = crl.ToPem() })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await ShouldBeRefusedAsync(() => TokenAsync(challengeId, holder.Key.Sign(Encoding.UTF8.GetBytes(text))),
            HttpStatusCode.UnprocessableEntity, "证书已吊销");
        await ShouldBeRefusedAsync(() => PostChallengeAsync(holder.Certificate), HttpStatusCode.UnprocessableEntity, "证书已吊销");
        var bidder2 = await app.SignInAsync("bidder2");
        var bind = await bidder2.PostJsonAsync("/api/v1/credit/certificates", new { certificate = holder.Certificate.ToPem() });
        bind.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await bind.HtmlAsync()).ShouldContain("证书已吊销");
    }

    [Fact]
    public async Task Bind_RefusesAnotherEntitysCreditCode_AndUnbindingEndsSignIn()
    {
        var root = await TrustedRootAsync(KeyAlgorithm.Sm2);
        var bidder2 = await app.SignInAsync("bidder2");
        var holder = Issue(root, KeyAlgorithm.Sm2);

        var refused = await bidder2.PostJsonAsync("/api/v1/credit/certificates", new { certificate = holder.Certificate.ToPem() });
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.HtmlAsync()).ShouldContain("与本单位的");

        var bound = await BindAsync("bidder", holder.Certificate);
        var bidder = await app.SignInAsync("bidder");
        (await bidder.DeleteAsync(new Uri($"/api/v1/credit/certificates/{bound}", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await ShouldBeRefusedAsync(() => PostChallengeAsync(holder.Certificate), HttpStatusCode.UnprocessableEntity, "证书未绑定");
    }

    [Fact]
    public async Task DemoCertificates_AreBoundAndWrittenToTheDataDirectory()
    {
        _ = app.Services; // starts the host, which seeds the demo
        var folder = Path.Combine(app.Database.DataDirectory, DemoCertificates.FolderName);
        var certificate = Certificate.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, "bidder2.cert.pem"), Ct));
        var key = PrivateKey.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, "bidder2.key.pem"), Ct));
        certificate.KeyAlgorithm.ShouldBe(KeyAlgorithm.Rsa);

        var (challengeId, text) = await ChallengeAsync(certificate);
        var response = await TokenAsync(challengeId, key.Sign(Encoding.UTF8.GetBytes(text)));

        (await response.JsonAsync()).GetProperty("userName").GetString().ShouldBe("bidder2");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(folder, "bidder2.key.pem")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private HttpClient Anonymous() => app.CreateAnonymousClient();

    private static CertificateSubject Subject() => new("冯志远", "安和宏远建筑工程有限公司", BidderCode);

    private static CertificateWithKey Root(KeyAlgorithm algorithm) =>
        CertificateAuthority.CreateRoot(algorithm, $"测试根 CA {Guid.NewGuid():N}", "测试 CA", Now.AddYears(-1), Now.AddYears(5));

    private static CertificateWithKey Issue(CertificateWithKey root, KeyAlgorithm algorithm) =>
        CertificateAuthority.Issue(root, algorithm, Subject(), Now.AddDays(-1), Now.AddYears(1));

    private async Task<CertificateWithKey> TrustedRootAsync(KeyAlgorithm algorithm)
    {
        var root = Root(algorithm);
        var admin = await app.SignInAsync("admin");
        var response = await admin.PostJsonAsync("/api/v1/credit/trust-list", new { certificate = root.Certificate.ToPem() });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.HtmlAsync());
        return root;
    }

    private static async Task<string> AuthorityIdAsync(HttpClient admin, Certificate authority)
    {
        var list = await (await admin.GetPathAsync("/api/v1/credit/trust-list")).JsonAsync();
        return list.EnumerateArray().First(a => a.GetProperty("fingerprint").GetString() == authority.Fingerprint).GetProperty("id").GetString()!;
    }

    private async Task<string> BindAsync(string userName, Certificate certificate)
    {
        var client = await app.SignInAsync(userName);
        var response = await client.PostJsonAsync("/api/v1/credit/certificates", new { certificate = certificate.ToPem() });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.HtmlAsync());
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    private Task<HttpResponseMessage> PostChallengeAsync(Certificate certificate) =>
        Anonymous().PostJsonAsync(Challenge, new { certificate = certificate.ToPem() });

    private async Task<(Guid Id, string Text)> ChallengeAsync(Certificate certificate)
    {
        var response = await PostChallengeAsync(certificate);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.HtmlAsync());
        var json = await response.JsonAsync();
        return (json.GetProperty("challengeId").GetGuid(), json.GetProperty("challenge").GetString()!);
    }

    private Task<HttpResponseMessage> TokenAsync(Guid challengeId, byte[] signature) =>
        Anonymous().PostJsonAsync(Token, new { challengeId, signature = Convert.ToBase64String(signature) });

    /// <summary>The refusal says what is wrong, and stores nothing but its own ledger entry: no challenge, no token.</summary>
    private async Task ShouldBeRefusedAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string message)
    {
        var before = await LastSequenceAsync();
        var tokens = await TokenCountAsync();

        var response = await send();

        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.HtmlAsync()).ShouldContain(message);
        (await LedgerTypesAsync(before)).ShouldBe(["credit.certificate.sign-in-refused"]);
        (await TokenCountAsync()).ShouldBe(tokens);
    }

    private async Task<long> LastSequenceAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().LedgerEntries.MaxAsync(e => e.Sequence, Ct);
    }

    private async Task<int> TokenCountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().ApiTokens.CountAsync(Ct);
    }

    private async Task<List<string>> LedgerTypesAsync(long after)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().LedgerEntries
            .Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Select(e => e.Type).ToListAsync(Ct);
    }
}
