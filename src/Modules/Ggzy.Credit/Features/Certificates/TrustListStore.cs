using Ggzy.Credit.Data;
using Ggzy.Credit.Domain;
using Ggzy.Sealing.Pki;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Credit.Features.Certificates;

/// <summary>Reads the active trust list as trust anchors for <see cref="CertificateValidator"/>.</summary>
internal static class TrustListStore
{
    public static async Task<IReadOnlyList<TrustAnchor>> AnchorsAsync(CreditDbContext db, CancellationToken ct)
    {
        var rows = await db.TrustedAuthorities.AsNoTracking().Where(a => a.RemovedAt == null).ToListAsync(ct);
        return [.. rows.Select(Anchor)];
    }

    public static TrustAnchor Anchor(TrustedAuthority row) =>
        new(Certificate.Parse(row.Der), row.CrlDer is { } crl ? RevocationList.Parse(crl) : null);

    /// <summary>Reads the 统一社会信用代码 a certificate names: organizationIdentifier (2.5.4.97, optionally as
    /// "NTRCN-…"), then serialNumber (2.5.4.5), then OU — the first value that is a valid code.</summary>
    public static string? CreditCodeOf(Certificate certificate)
    {
        var values = certificate.SubjectValues(Certificate.OrganizationIdentifier)
            .Select(v => v.StartsWith("NTRCN-", StringComparison.OrdinalIgnoreCase) ? v[6..] : v)
            .Concat(certificate.SubjectValues(Org.BouncyCastle.Asn1.X509.X509Name.SerialNumber))
            .Concat(certificate.SubjectValues(Org.BouncyCastle.Asn1.X509.X509Name.OU));
        foreach (var value in values)
        {
            if (Platform.Identity.CreditCode.TryParse(value.Trim(), out var code, out _))
            {
                return code.Value;
            }
        }

        return null;
    }
}
