using Ggzy.Credit.Contracts;
using Ggzy.Credit.Data;
using Ggzy.Credit.Domain;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Ggzy.Sealing.Pki;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Credit.Features.Certificates;

/// <summary>
/// A market entity's certificates (R32). The certificate speaks for the account that binds it; binding is refused
/// unless it chains to the trust list, is valid now and not revoked, and names no other entity's 统一社会信用代码.
/// </summary>
internal sealed class BoundCertificates(CreditDbContext db, LedgerWriter ledger, TimeProvider clock) : IEntityCertificates
{
    public async Task<IReadOnlyList<BoundCertificateView>> ListAsync(Guid organizationId, CancellationToken ct)
    {
        var rows = await db.BoundCertificates.AsNoTracking().Where(c => c.OrganizationId == organizationId).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.UnboundAt.HasValue).ThenByDescending(r => r.BoundAt).Select(View)];
    }

    public async Task<BoundCertificateView> BindCertificateAsync(Guid organizationId, Guid userId, string userName, byte[]? data, CancellationToken ct)
    {
        var entity = await db.MarketEntities.AsNoTracking().FirstOrDefaultAsync(e => e.OrganizationId == organizationId, ct)
            ?? throw new ForbiddenException(CertificateErrors.NoEntity);
        var chain = TrustList.ParseCertificates(data);
        var certificate = chain[0];
        var now = clock.GetUtcNow();
        var check = CertificateValidator.Validate(certificate, await TrustListStore.AnchorsAsync(db, ct), now, chain.Skip(1));
        if (!check.IsValid)
        {
            throw new BusinessRuleException(CertificateErrors.Of(check), CertificateErrors.Citation, "certificate");
        }

        if (TrustListStore.CreditCodeOf(certificate) is { } code && !string.Equals(code, entity.CreditCode.Trim(), StringComparison.Ordinal))
        {
            throw new BusinessRuleException(CertificateErrors.CreditCodeMismatch(code, entity.CreditCode), CertificateErrors.Citation, "certificate");
        }

        if (await db.BoundCertificates.AsNoTracking()
                .FirstOrDefaultAsync(c => c.Fingerprint == certificate.Fingerprint && c.UnboundAt == null, ct) is { } existing)
        {
            throw new BusinessRuleException(CertificateErrors.AlreadyBound(existing.UserName), CertificateErrors.Citation, "certificate");
        }

        var row = BoundCertificate.Of(certificate, entity.Id, organizationId, userId, userName, now);
        db.BoundCertificates.Add(row);
        await ledger.SaveChangesAsync(db, new LedgerDraft("credit.certificate.bound", $"certificate:{row.Fingerprint}", new
        {
            creditCode = entity.CreditCode,
            account = userName,
            subject = row.Subject,
            issuer = row.Issuer,
            serialNumber = row.SerialNumber,
            keyAlgorithm = row.KeyAlgorithm,
            notAfter = row.NotAfter,
        }), ct);
        return View(row);
    }

    public async Task UnbindAsync(Guid organizationId, Guid id, string userName, CancellationToken ct)
    {
        var row = await db.BoundCertificates.FirstOrDefaultAsync(c => c.Id == id && c.OrganizationId == organizationId && c.UnboundAt == null, ct)
            ?? throw new NotFoundException(CertificateErrors.CertificateNotFound);
        row.UnboundAt = clock.GetUtcNow();
        row.UnboundBy = userName;
        await ledger.SaveChangesAsync(db, new LedgerDraft("credit.certificate.unbound", $"certificate:{row.Fingerprint}",
            new { account = row.UserName, subject = row.Subject }), ct);
    }

    public async Task<string?> SigningProblemAsync(Guid organizationId, byte[] certificate, DateTimeOffset at, CancellationToken ct)
    {
        Certificate parsed;
        try
        {
            parsed = Certificate.Parse(certificate);
        }
        catch (CertificateFormatException e)
        {
            return e.Message;
        }

        var fingerprint = parsed.Fingerprint;
        if (!await db.BoundCertificates.AnyAsync(c => c.OrganizationId == organizationId && c.Fingerprint == fingerprint && c.UnboundAt == null, ct))
        {
            return "签名证书没有绑定到本单位的账户：请使用本单位已在平台“数字证书”页面绑定的证书密封投标文件。";
        }

        var check = CertificateValidator.Validate(parsed, await TrustListStore.AnchorsAsync(db, ct), at, []);
        return check.IsValid ? null : CertificateErrors.Of(check);
    }

    private static BoundCertificateView View(BoundCertificate r) => new(
        r.Id, r.UserName, r.Subject, r.Issuer, r.SerialNumber, r.Fingerprint, r.KeyAlgorithm, r.NotBefore, r.NotAfter, r.BoundBy, r.BoundAt,
        r.UnboundBy, r.UnboundAt);
}
