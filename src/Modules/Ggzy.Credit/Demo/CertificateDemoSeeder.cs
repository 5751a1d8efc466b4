using Ggzy.Credit.Data;
using Ggzy.Credit.Domain;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Ledger;
using Ggzy.Sealing.Pki;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ggzy.Credit.Demo;

/// <summary>
/// The demo's certificates (R32): two demo CAs (SM2 and RSA) on the trust list, a certificate bound for each demo
/// market entity's account (bidder2 RSA, the others SM2), and the PEM files under <c>DATA/demo-certs/</c> so that
/// <c>ggzy login --cert … --key …</c> works on a fresh installation.
/// </summary>
internal sealed class CertificateDemoSeeder(
    CreditDbContext db, PlatformDbContext platform, LedgerWriter ledger, TimeProvider clock, IOptions<DatabaseOptions> database) : IDemoSeeder
{
    public int Order => 30;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.TrustedAuthorities.AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var set = DemoCertificates.Create(now);
        var drafts = new List<LedgerDraft>();
        foreach (var authority in new[] { set.Sm2Authority.Certificate, set.RsaAuthority.Certificate })
        {
            db.TrustedAuthorities.Add(TrustedAuthority.Of(authority, "admin", now));
            drafts.Add(new LedgerDraft("credit.trust-list.added", $"trusted-authority:{authority.Fingerprint}", new
            {
                subject = authority.Subject,
                fingerprint = authority.Fingerprint,
                keyAlgorithm = Certificate.NameOf(authority.KeyAlgorithm),
                root = true,
                demo = true,
            }));
        }

        var users = await platform.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName!, StringComparer.Ordinal, ct);
        var entities = await db.MarketEntities.AsNoTracking().ToDictionaryAsync(e => e.CreditCode, StringComparer.Ordinal, ct);
        foreach (var holder in set.Holders)
        {
            if (!users.TryGetValue(holder.UserName, out var user) || !entities.TryGetValue(holder.CreditCode, out var entity))
            {
                continue;
            }

            var certificate = holder.Issued.Certificate;
            db.BoundCertificates.Add(BoundCertificate.Of(certificate, entity.Id, entity.OrganizationId, user.Id, holder.UserName, now));
            drafts.Add(new LedgerDraft("credit.certificate.bound", $"certificate:{certificate.Fingerprint}", new
            {
                creditCode = entity.CreditCode,
                account = holder.UserName,
                subject = certificate.Subject,
                issuer = certificate.Issuer,
                serialNumber = certificate.SerialNumber,
                keyAlgorithm = Certificate.NameOf(certificate.KeyAlgorithm),
                notAfter = certificate.NotAfter,
                demo = true,
            }));
        }

        await ledger.SaveChangesAsync(db, drafts, ct);
        DemoCertificates.WriteTo(set, Path.Combine(database.Value.DataDirectory, DemoCertificates.FolderName));
    }
}
