using Ggzy.Sealing.Pki;

namespace Ggzy.TestKit.Bidders;

/// <summary>
/// A certificate authority of the tests' own (not the demo's) and the bidders it has certified. Kept as PEM files in a
/// directory when one is given, so that envelopes sealed in an earlier run stay valid for the same bidders.
/// </summary>
public sealed class BidderKeyring
{
    public const string AuthorityName = "安和压测数字证书认证中心 SM2 根 CA";

    private BidderKeyring(CertificateWithKey authority, IReadOnlyList<BidderIdentity> bidders)
    {
        Authority = authority;
        Bidders = bidders;
    }

    public CertificateWithKey Authority { get; }

    public IReadOnlyList<BidderIdentity> Bidders { get; }

    /// <summary>A fresh authority and bidders 1…<paramref name="count"/>, in memory only.</summary>
    public static BidderKeyring Create(int count, DateTimeOffset now)
    {
        var authority = NewAuthority(now);
        return new BidderKeyring(authority, Enumerable.Range(1, count).Select(n => BidderIdentity.Create(n, authority, now)).ToList());
    }

    /// <summary>
    /// The authority and bidders 1…<paramref name="count"/> stored in <paramref name="directory"/>, creating and storing
    /// what is missing (or expiring within a week).
    /// </summary>
    public static BidderKeyring LoadOrCreate(string directory, int count, DateTimeOffset now)
    {
        Directory.CreateDirectory(directory);
        var authority = Load(directory, "authority", now) ?? Save(directory, "authority", NewAuthority(now));
        var bidders = new BidderIdentity[count];
        Parallel.For(0, count, i =>
        {
            var number = i + 1;
            var name = $"bidder{number}";
            var stored = Load(directory, name, now);
            var issued = stored is not null && stored.Certificate.IsSignedBy(authority.Certificate)
                ? stored
                : Save(directory, name, BidderIdentity.Create(number, authority, now).Certificate);
            bidders[i] = new BidderIdentity(number, BidderIdentity.CreditCodeOf(number), BidderIdentity.LegalNameOf(number),
                BidderIdentity.UserNameOf(number), issued);
        });
        return new BidderKeyring(authority, bidders);
    }

    private static CertificateWithKey NewAuthority(DateTimeOffset now) =>
        CertificateAuthority.CreateRoot(KeyAlgorithm.Sm2, AuthorityName, "安和压测数字证书认证中心", now.AddDays(-1), now.AddYears(2));

    private static CertificateWithKey? Load(string directory, string name, DateTimeOffset now)
    {
        var certificate = Path.Combine(directory, name + ".cert.pem");
        var key = Path.Combine(directory, name + ".key.pem");
        if (!File.Exists(certificate) || !File.Exists(key))
        {
            return null;
        }

        var loaded = new CertificateWithKey(Certificate.Parse(File.ReadAllBytes(certificate)), PrivateKey.Parse(File.ReadAllBytes(key)));
        return loaded.Certificate.NotAfter > now.AddDays(7) && loaded.Certificate.NotBefore < now ? loaded : null;
    }

    private static CertificateWithKey Save(string directory, string name, CertificateWithKey issued)
    {
        File.WriteAllText(Path.Combine(directory, name + ".cert.pem"), issued.Certificate.ToPem());
        var key = Path.Combine(directory, name + ".key.pem");
        File.WriteAllText(key, issued.Key.ToPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return issued;
    }
}
