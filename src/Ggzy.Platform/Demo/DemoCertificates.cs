using Ggzy.Sealing.Pki;

namespace Ggzy.Platform.Demo;

/// <summary>A demo account's certificate and key, issued by one of the demo CAs.</summary>
public sealed record DemoHolderCertificate(string UserName, string OrganizationName, string CreditCode, CertificateWithKey Issued);

/// <summary>The demo's two CAs (SM2 and RSA) and a certificate for each demo market entity's account.</summary>
public sealed record DemoCertificateSet(CertificateWithKey Sm2Authority, CertificateWithKey RsaAuthority, IReadOnlyList<DemoHolderCertificate> Holders);

/// <summary>
/// Demo certificates (fictional CAs of 安和市, not for real use): generated anew each time, so every installation has
/// its own keys. The demo seeder binds them; <c>ggzy cert demo-ca</c> writes a set for trying things out.
/// </summary>
public static class DemoCertificates
{
    public const string Sm2AuthorityName = "安和市演示数字证书认证中心 SM2 根 CA";
    public const string RsaAuthorityName = "安和市演示数字证书认证中心 RSA 根 CA";
    public const string FolderName = "demo-certs";

    /// <summary>The demo accounts' key algorithms: bidder2 holds an RSA certificate, the others SM2.</summary>
    public static KeyAlgorithm AlgorithmFor(string userName) => userName == "bidder2" ? KeyAlgorithm.Rsa : KeyAlgorithm.Sm2;

    public static DemoCertificateSet Create(DateTimeOffset now)
    {
        var sm2 = CertificateAuthority.CreateRoot(KeyAlgorithm.Sm2, Sm2AuthorityName, "安和市演示数字证书认证中心", now.AddDays(-1), now.AddYears(10));
        var rsa = CertificateAuthority.CreateRoot(KeyAlgorithm.Rsa, RsaAuthorityName, "安和市演示数字证书认证中心", now.AddDays(-1), now.AddYears(10));
        var holders = new List<DemoHolderCertificate>();
        foreach (var organization in DemoAccounts.Organizations.Where(o => o.OrganizationCodeBody is not null))
        {
            // The debarred demo entity has no accounts, so no certificate speaks for it.
            if (DemoAccounts.Accounts.FirstOrDefault(a => a.OrganizationKey == organization.Key) is not { } account)
            {
                continue;
            }

            var code = CreditCodeOf(organization);
            var algorithm = AlgorithmFor(account.UserName);
            var issued = CertificateAuthority.Issue(algorithm == KeyAlgorithm.Rsa ? rsa : sm2, algorithm,
                new CertificateSubject(account.DisplayName, organization.Name, code), now.AddDays(-1), now.AddYears(2));
            holders.Add(new DemoHolderCertificate(account.UserName, organization.Name, code, issued));
        }

        return new DemoCertificateSet(sm2, rsa, holders);
    }

    /// <summary>The demo organisation's 统一社会信用代码, as the platform's demo data registers it.</summary>
    public static string CreditCodeOf(DemoOrganization organization) =>
        organization.CreditCode ?? throw new ArgumentException("not a market entity", nameof(organization));

    /// <summary>
    /// Writes the set as PEM files: <c>sm2-ca.pem</c>, <c>rsa-ca.pem</c> (and their keys), and for each account
    /// <c>USER.cert.pem</c> and <c>USER.key.pem</c>. Keys are readable by the owner only. Returns the paths written.
    /// </summary>
    public static IReadOnlyList<string> WriteTo(DemoCertificateSet set, string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        void Write(string name, string text, bool secret)
        {
            var path = Path.Combine(directory, name);
            File.WriteAllText(path, text);
            if (secret && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            written.Add(path);
        }

        Write("sm2-ca.pem", set.Sm2Authority.Certificate.ToPem(), false);
        Write("sm2-ca.key.pem", set.Sm2Authority.Key.ToPem(), true);
        Write("rsa-ca.pem", set.RsaAuthority.Certificate.ToPem(), false);
        Write("rsa-ca.key.pem", set.RsaAuthority.Key.ToPem(), true);
        foreach (var holder in set.Holders)
        {
            Write(holder.UserName + ".cert.pem", holder.Issued.Certificate.ToPem(), false);
            Write(holder.UserName + ".key.pem", holder.Issued.Key.ToPem(), true);
        }

        return written;
    }
}
