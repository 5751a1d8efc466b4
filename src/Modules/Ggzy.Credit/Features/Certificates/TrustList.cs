using Ggzy.Credit.Contracts;
using Ggzy.Credit.Data;
using Ggzy.Credit.Domain;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Ggzy.Sealing.Pki;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Credit.Features.Certificates;

/// <summary>
/// The center's trust list (R32): CAs whose certificates the platform accepts, whatever the CA. A root is trusted by
/// being uploaded; an intermediate must chain to a listed root. Each CA may carry its latest revocation list.
/// </summary>
internal sealed class TrustList(CreditDbContext db, LedgerWriter ledger, TimeProvider clock) : ITrustList
{
    public const int MaxCertificateBytes = 64 * 1024;
    public const int MaxCrlBytes = 1024 * 1024;

    public async Task<IReadOnlyList<TrustedAuthorityView>> ListAsync(CancellationToken ct)
    {
        var rows = await db.TrustedAuthorities.AsNoTracking().ToListAsync(ct);
        return [.. rows.OrderBy(r => r.RemovedAt.HasValue).ThenByDescending(r => r.AddedAt).Select(View)];
    }

    public async Task<TrustedAuthorityView> AddAsync(byte[]? data, string actor, CancellationToken ct)
    {
        var certificate = ParseCertificate(data);
        var now = clock.GetUtcNow();
        var anchors = await TrustListStore.AnchorsAsync(db, ct);
        if (anchors.Any(a => a.Certificate.Fingerprint == certificate.Fingerprint))
        {
            throw new BusinessRuleException(CertificateErrors.AlreadyListed(certificate.Subject), CertificateErrors.Citation, "certificate");
        }

        var check = CertificateValidator.ValidateAuthority(certificate, anchors, now);
        if (!check.IsValid)
        {
            var message = check.Problem == CertificateProblem.IssuerInvalid && check.Concerning == certificate
                ? CertificateErrors.NotCertificateAuthority
                : CertificateErrors.Of(check)
                    + (check.Problem == CertificateProblem.Untrusted ? "中级 CA 须先将其根 CA 加入信任列表。" : "");
            throw new BusinessRuleException(message, CertificateErrors.Citation, "certificate");
        }

        var row = TrustedAuthority.Of(certificate, actor, now);
        db.TrustedAuthorities.Add(row);
        await ledger.SaveChangesAsync(db, new LedgerDraft("credit.trust-list.added", $"trusted-authority:{row.Fingerprint}", new
        {
            subject = row.Subject,
            issuer = row.Issuer,
            fingerprint = row.Fingerprint,
            keyAlgorithm = row.KeyAlgorithm,
            notBefore = row.NotBefore,
            notAfter = row.NotAfter,
            root = row.IsRoot,
        }), ct);
        return View(row);
    }

    public async Task<TrustedAuthorityView> UpdateRevocationListAsync(Guid id, byte[]? data, string actor, CancellationToken ct)
    {
        var row = await ActiveAsync(id, ct);
        if (data is not { Length: > 0 and <= MaxCrlBytes })
        {
            throw Invalid("crl", CertificateErrors.CrlRequired);
        }

        RevocationList crl;
        try
        {
            crl = RevocationList.Parse(data);
        }
        catch (CertificateFormatException e)
        {
            throw Invalid("crl", e.Message);
        }

        var now = clock.GetUtcNow();
        if (!crl.IsIssuedBy(Certificate.Parse(row.Der)))
        {
            throw new BusinessRuleException(CertificateErrors.CrlNotIssuedBy(row.Subject), CertificateErrors.Citation, "crl");
        }

        if (crl.NextUpdate is { } next && next < now)
        {
            throw new BusinessRuleException(CertificateErrors.CrlExpired(next), CertificateErrors.Citation, "crl");
        }

        if (row.CrlThisUpdate is { } stored && crl.ThisUpdate < stored)
        {
            throw new BusinessRuleException(CertificateErrors.CrlOlder(stored), CertificateErrors.Citation, "crl");
        }

        row.CrlDer = crl.Der;
        row.CrlThisUpdate = crl.ThisUpdate;
        row.CrlNextUpdate = crl.NextUpdate;
        row.CrlUpdatedBy = actor;
        row.CrlUpdatedAt = now;
        await ledger.SaveChangesAsync(db, new LedgerDraft("credit.trust-list.crl-updated", $"trusted-authority:{row.Fingerprint}", new
        {
            subject = row.Subject,
            thisUpdate = crl.ThisUpdate,
            nextUpdate = crl.NextUpdate,
            revoked = crl.RevokedCount,
            digest = Ggzy.Sealing.Sm3.HashHex(crl.Der),
        }), ct);
        return View(row);
    }

    public async Task RemoveAsync(Guid id, string actor, CancellationToken ct)
    {
        var row = await ActiveAsync(id, ct);
        row.RemovedAt = clock.GetUtcNow();
        row.RemovedBy = actor;
        await ledger.SaveChangesAsync(db, new LedgerDraft("credit.trust-list.removed", $"trusted-authority:{row.Fingerprint}",
            new { subject = row.Subject }), ct);
    }

    private async Task<TrustedAuthority> ActiveAsync(Guid id, CancellationToken ct) =>
        await db.TrustedAuthorities.FirstOrDefaultAsync(a => a.Id == id && a.RemovedAt == null, ct)
        ?? throw new NotFoundException(CertificateErrors.AuthorityNotFound);

    public static Certificate ParseCertificate(byte[]? data, string field = "certificate") => ParseCertificates(data, field)[0];

    /// <summary>The certificate and any CA certificates after it in the same PEM.</summary>
    public static IReadOnlyList<Certificate> ParseCertificates(byte[]? data, string field = "certificate")
    {
        if (data is not { Length: > 0 and <= MaxCertificateBytes })
        {
            throw Invalid(field, CertificateErrors.FileRequired);
        }

        try
        {
            var all = Certificate.ParseAll(data);
            return all.Count > 0 ? all : throw Invalid(field, CertificateErrors.FileRequired);
        }
        catch (CertificateFormatException e)
        {
            throw Invalid(field, e.Message);
        }
    }

    public static InputValidationException Invalid(string field, string message) =>
        new(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    private static TrustedAuthorityView View(TrustedAuthority r) => new(
        r.Id, r.Subject, r.Issuer, r.Fingerprint, r.KeyAlgorithm, r.NotBefore, r.NotAfter, r.IsRoot, r.CrlThisUpdate, r.CrlNextUpdate,
        r.AddedBy, r.AddedAt, r.RemovedBy, r.RemovedAt);
}
