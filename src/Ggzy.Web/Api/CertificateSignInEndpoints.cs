using System.ComponentModel.DataAnnotations;
using System.Text;
using Ggzy.Credit.Contracts;
using Ggzy.Platform.Errors;
using Ggzy.Web.Identity.Tokens;
using Ggzy.Web.Infrastructure;

namespace Ggzy.Web.Api;

/// <summary>
/// Sign-in by certificate (R32): Credit checks the certificate and the signature (<see cref="ICertificateSignIn"/>),
/// the host issues the API token. Anonymous by design: the signature is the credential.
/// </summary>
internal static class CertificateSignInEndpoints
{
    /// <summary>How long a token from a certificate sign-in is valid.</summary>
    public const int TokenValidDays = 1;

    public static RouteGroupBuilder MapCertificateSignInApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth/certificate").WithTags("证书登录 Certificate sign-in").AllowAnonymous();

        auth.MapPost("/challenge", async (CertificateChallengeInput? input, ICertificateSignIn signIn, CancellationToken ct) =>
                TypedResults.Ok(await signIn.BeginAsync(BytesOf(input!.Certificate!), ct)))
            .Validate<CertificateChallengeInput>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("证书登录第一步：提交已绑定的数字证书（PEM 文本，可附中级 CA 证书；或 Base64 编码的 DER），平台校验证书链、有效期、密钥用法、吊销状态和绑定关系后，返回一次性挑战文本（5 分钟内有效）。");

        auth.MapPost("/token", async (CertificateTokenInput? input, ICertificateSignIn signIn, IssueApiTokenHandler tokens, CancellationToken ct) =>
            {
                var who = await signIn.CompleteAsync(input!.ChallengeId!.Value, input.Signature!, ct);
                var name = ("证书登录 " + who.DisplayName)[..Math.Min(50, 5 + who.DisplayName.Length)];
                var token = await tokens.HandleAsync(who.UserId, who.UserName,
                    new IssueApiTokenInput { Name = name, ValidDays = TokenValidDays }, ct);
                return TypedResults.Ok(new CertificateTokenView(token.Token, token.ExpiresAt, who.UserName, who.DisplayName,
                    who.OrganizationName, who.CertificateSubject));
            })
            .Validate<CertificateTokenInput>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("证书登录第二步：提交挑战编号和用证书私钥对挑战文本（UTF-8）的签名（Base64；SM2 用 SM3withSM2，RSA 用 SHA256withRSA，ECDSA 用 SHA256withECDSA）。验签通过后签发证书所绑定账户的接口令牌（1 天有效）。每个挑战只能使用一次。");
        return api;
    }

    private static byte[] BytesOf(string certificate)
    {
        if (certificate.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetBytes(certificate);
        }

        try
        {
            return Convert.FromBase64String(certificate.Trim());
        }
        catch (FormatException)
        {
            throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["certificate"] = ["证书须为 PEM 文本（-----BEGIN CERTIFICATE-----）或 Base64 编码的 DER。"],
            });
        }
    }
}

/// <summary>The certificate to sign in with.</summary>
public sealed class CertificateChallengeInput
{
    [Required(ErrorMessage = "请提交数字证书：PEM 文本（-----BEGIN CERTIFICATE-----）或 Base64 编码的 DER。")]
    [StringLength(200_000, ErrorMessage = "证书内容过长（不超过 200,000 个字符）。")]
    public string? Certificate { get; set; }
}

/// <summary>The challenge answered: its id and the Base64 signature over its text.</summary>
public sealed class CertificateTokenInput
{
    [Required(ErrorMessage = "请提交挑战编号 challengeId（第一步返回的值）。")]
    public Guid? ChallengeId { get; set; }

    [Required(ErrorMessage = "请提交签名 signature：用证书私钥对挑战文本签名，Base64 编码。")]
    [StringLength(4096, ErrorMessage = "签名过长。")]
    public string? Signature { get; set; }
}

/// <summary>The token in clear (shown once), and who signed in.</summary>
public sealed record CertificateTokenView(
    string Token, DateTimeOffset ExpiresAt, string UserName, string DisplayName, string Organization, string Certificate);
