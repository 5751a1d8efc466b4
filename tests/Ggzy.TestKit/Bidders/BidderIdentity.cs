using System.Globalization;
using Ggzy.Sealing.Pki;

namespace Ggzy.TestKit.Bidders;

/// <summary>
/// A bidder as the tests and the benchmark make it: a fictional enterprise of 安和市 with a valid 统一社会信用代码
/// (GB 32100-2015, organisation code with its GB 11714 check digit), the admin account it registers with, and the SM2
/// certificate it seals its bids with (subject organizationIdentifier = the credit code).
/// </summary>
public sealed record BidderIdentity(int Number, string CreditCode, string LegalName, string UserName, CertificateWithKey Certificate)
{
    public const string Password = "Ggzy#Rush2026";

    public const string RegionCode = "990100";

    public string DisplayName => $"投标管理员{Number.ToString("D3", CultureInfo.InvariantCulture)}";

    /// <summary>Bidder <paramref name="number"/>'s credit code: category 91 (enterprise), region 990100, body MB + six digits.</summary>
    public static string CreditCodeOf(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 999_999);
        var body = "MB" + number.ToString("D6", CultureInfo.InvariantCulture);
        var first17 = "91" + RegionCode + body + Ggzy.Platform.Identity.CreditCode.OrganizationCheckCharacter(body);
        var code = first17 + Ggzy.Platform.Identity.CreditCode.CheckCharacter(first17);
        return Ggzy.Platform.Identity.CreditCode.TryParse(code, out _, out var error)
            ? code
            : throw new InvalidOperationException($"Generated credit code {code} is not valid: {error}");
    }

    public static string LegalNameOf(int number) => $"安和压测投标{number.ToString("D3", CultureInfo.InvariantCulture)}建设有限公司";

    public static string UserNameOf(int number) => $"rush.bidder{number.ToString("D4", CultureInfo.InvariantCulture)}";

    /// <summary>A new bidder <paramref name="number"/> with a certificate issued by <paramref name="authority"/>.</summary>
    public static BidderIdentity Create(int number, CertificateWithKey authority, DateTimeOffset now)
    {
        var code = CreditCodeOf(number);
        var name = LegalNameOf(number);
        var issued = CertificateAuthority.Issue(authority, KeyAlgorithm.Sm2, new CertificateSubject($"{name} 投标专用", name, code),
            now.AddDays(-1), now.AddYears(1));
        return new BidderIdentity(number, code, name, UserNameOf(number), issued);
    }
}
