using System.Security.Claims;
using System.Text;
using Ggzy.Credit.Contracts;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ggzy.Credit.Features.Certificates;

/// <summary>The trust list (center administrator) and an entity's own certificates (its members), as JSON.</summary>
internal static class CertificateEndpoints
{
    public static IEndpointRouteBuilder MapCertificates(this IEndpointRouteBuilder api)
    {
        var trust = api.MapGroup("/credit/trust-list").WithTags("数字证书 Certificates").RequireAuthorization(CreditPermissions.ManageTrustList);

        trust.MapGet("/", async (ITrustList list, CancellationToken ct) => TypedResults.Ok(await list.ListAsync(ct)))
            .WithSummary("数字证书信任列表：受信任的根 CA 和中级 CA（含已移除的记录）及其吊销列表的发布与下次更新时间。");

        trust.MapPost("/", async (PemInput? input, ClaimsPrincipal user, ITrustList list, CancellationToken ct) =>
                TypedResults.Ok(await list.AddAsync(BytesOf(input?.Certificate, "certificate"), Actor(user), ct)))
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("将 CA 证书加入信任列表（certificate：PEM 文本或 Base64 编码的 DER）。根 CA 直接加入；中级 CA 须能链接到列表中的根 CA。");

        trust.MapPost("/{id:guid}/crl", async (Guid id, PemInput? input, ClaimsPrincipal user, ITrustList list, CancellationToken ct) =>
                TypedResults.Ok(await list.UpdateRevocationListAsync(id, BytesOf(input?.Crl, "crl"), Actor(user), ct)))
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("上传该 CA 的吊销列表（crl：PEM 文本或 Base64 编码的 DER）；须由该 CA 签发、未过期，且不比已有列表旧。");

        trust.MapDelete("/{id:guid}", async (Guid id, ClaimsPrincipal user, ITrustList list, CancellationToken ct) =>
            {
                await list.RemoveAsync(id, Actor(user), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("将 CA 移出信任列表（记录保留）；其签发的证书随即不能再绑定或登录。");

        var own = api.MapGroup("/credit/certificates").WithTags("数字证书 Certificates").RequireAuthorization(CreditPermissions.ManageOwnEntity);

        own.MapGet("/", async (ClaimsPrincipal user, IEntityCertificates certificates, CancellationToken ct) =>
                TypedResults.Ok(await certificates.ListAsync(OrganizationOf(user), ct)))
            .WithSummary("本单位绑定的数字证书（含已解除绑定的记录）。");

        own.MapPost("/", async (PemInput? input, ClaimsPrincipal user, IEntityCertificates certificates, CancellationToken ct) =>
                TypedResults.Ok(await certificates.BindCertificateAsync(OrganizationOf(user), UserIdOf(user), Actor(user),
                    BytesOf(input?.Certificate, "certificate"), ct)))
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("为本人账户绑定数字证书（certificate：PEM 文本或 Base64 编码的 DER）。证书须由信任列表中的 CA 签发、在有效期内、未吊销，主体中的统一社会信用代码（如有）须为本单位的。");

        own.MapDelete("/{id:guid}", async (Guid id, ClaimsPrincipal user, IEntityCertificates certificates, CancellationToken ct) =>
            {
                await certificates.UnbindAsync(OrganizationOf(user), id, Actor(user), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("解除本单位的一个证书绑定（记录保留）；解除后该证书不能再用于登录。");
        return api;
    }

    public static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "";

    public static Guid UserIdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : throw new ForbiddenException(CertificateErrors.NoEntity);

    public static Guid OrganizationOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(GgzyClaims.OrganizationId), out var id) ? id : throw new ForbiddenException(CertificateErrors.NoEntity);

    /// <summary>PEM text as its bytes, anything else as Base64 DER.</summary>
    public static byte[] BytesOf(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw TrustList.Invalid(field, field == "crl" ? CertificateErrors.CrlRequired : CertificateErrors.FileRequired);
        }

        if (text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetBytes(text);
        }

        try
        {
            return Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw TrustList.Invalid(field, "请提交 PEM 文本（-----BEGIN …-----）或 Base64 编码的 DER。");
        }
    }
}

/// <summary>A certificate or revocation list as PEM text or Base64 DER.</summary>
internal sealed record PemInput(string? Certificate, string? Crl);
