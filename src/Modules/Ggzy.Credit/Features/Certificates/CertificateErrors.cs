using Ggzy.Platform.Time;
using Ggzy.Sealing.Pki;

namespace Ggzy.Credit.Features.Certificates;

/// <summary>The certificate features' messages, in Chinese.</summary>
internal static class CertificateErrors
{
    public const string Citation = "《天津市公共资源交易平台服务管理细则（试行）》第二十七条、《吉林市公共资源交易管理暂行办法》第五十条（不同 CA 数字证书兼容互认）";

    public const string FileRequired = "请选择证书文件（PEM 或 DER 格式，不超过 64 KB），或粘贴 PEM 文本（-----BEGIN CERTIFICATE-----）。";
    public const string CrlRequired = "请选择吊销列表文件（PEM 或 DER 格式的 X.509 CRL，不超过 1 MB）。";
    public const string NotCertificateAuthority = "该证书不是 CA 证书（基本约束 cA 不为真，或密钥用法不含证书签名），不能加入信任列表。请上传 CA 的根证书或中级证书。";
    public const string NoEntity = "您的账户不属于已注册的市场主体，不能绑定数字证书。请先完成市场主体注册。";
    public const string NotBound = "证书未绑定：该证书没有绑定到平台上任何市场主体的账户。请先由本单位人员登录平台，在“数字证书”页面绑定该证书。";
    public const string ChallengeUnknown = "挑战不存在：请重新申请挑战（POST /api/v1/auth/certificate/challenge）。";
    public const string ChallengeUsed = "挑战已使用：每个挑战只能用于一次登录，请重新申请挑战。";
    public const string SignatureNotBase64 = "签名须为 Base64 编码的字节串（SM2 和 ECDSA 为 DER 编码的签名值）。";
    public const string SignatureInvalid = "签名无效：签名不能用证书的公钥验证。请用与证书对应的私钥对挑战文本（UTF-8）签名：SM2 证书用 SM3withSM2（默认用户标识 1234567812345678），RSA 证书用 SHA256withRSA，ECDSA 证书用 SHA256withECDSA。";
    public const string AccountDisabled = "证书绑定的账户已停用，不能登录。请联系本单位管理员。";
    public const string AuthorityNotFound = "信任列表中没有该 CA，或它已被移除。";
    public const string CertificateNotFound = "本单位没有绑定该证书，或它已解除绑定。";

    public static string ChallengeExpired(DateTimeOffset at) =>
        $"挑战已过期（有效至 {ChinaTime.Format(at)}）：请重新申请挑战，并在 5 分钟内完成签名。";

    public static string AlreadyListed(string subject) => $"CA“{subject}”已在信任列表中，无需重复添加。";

    public static string AlreadyBound(string userName) => $"该证书已绑定到账户 {userName}，无需重复绑定。如需改绑，请先解除原绑定。";

    public static string CreditCodeMismatch(string inCertificate, string own) =>
        $"证书主体中的统一社会信用代码 {inCertificate} 与本单位的 {own} 不一致：只能绑定为本单位签发的证书。";

    public static string CrlNotIssuedBy(string subject) =>
        $"吊销列表不是由 CA“{subject}”签发的，或其签名无法用该 CA 的公钥验证。请上传该 CA 发布的吊销列表。";

    public static string CrlExpired(DateTimeOffset next) =>
        $"吊销列表已过期（下次更新时间 {ChinaTime.Format(next)} 已过）：请从 CA 下载最新的吊销列表。";

    public static string CrlOlder(DateTimeOffset stored) =>
        $"该吊销列表比已上传的旧（已有列表的发布时间为 {ChinaTime.Format(stored)}）：请上传最新的吊销列表。";

    /// <summary>What is wrong with a certificate, in words that say what to do.</summary>
    public static string Of(CertificateCheck check)
    {
        var c = check.Concerning;
        return check.Problem switch
        {
            CertificateProblem.Expired => $"证书已过期（有效期至 {ChinaTime.Format(c.NotAfter)}）：请向 CA 申请更新证书后再试。",
            CertificateProblem.NotYetValid => $"证书尚未生效（自 {ChinaTime.Format(c.NotBefore)} 起有效）：请在生效后再试，或检查本机时间。",
            CertificateProblem.Untrusted =>
                $"证书不受信任：签发者“{c.Issuer}”不在平台的数字证书信任列表中。请使用信任列表中的 CA 签发的证书，或请交易中心将该 CA 加入信任列表。",
            CertificateProblem.SignatureInvalid =>
                $"证书签名无效：信任列表中名为“{c.Issuer}”的 CA 的公钥不能验证该证书的签名，证书可能被篡改或伪造。",
            CertificateProblem.Revoked => $"证书已吊销：签发 CA 的吊销列表（CRL）列有该证书（序列号 {c.SerialNumber}）。请向 CA 申请新证书。",
            CertificateProblem.KeyUsage => "证书的密钥用法不含数字签名（digitalSignature），不能用于签名。请使用签名证书。",
            CertificateProblem.IssuerInvalid =>
                $"签发机构证书“{c.Subject}”已过期、尚未生效或不是 CA 证书，由它签发的证书暂不能使用。请联系交易中心更新信任列表。",
            CertificateProblem.RevocationListStale =>
                $"无法确认证书是否已吊销：CA“{c.Subject}”的吊销列表已过期或签名无效。请联系交易中心上传该 CA 最新的吊销列表。",
            _ => "证书无效。",
        };
    }

    /// <summary>A short code for the Ledger and for clients.</summary>
    public static string Code(CertificateProblem problem) => problem switch
    {
        CertificateProblem.Expired => "expired",
        CertificateProblem.NotYetValid => "not-yet-valid",
        CertificateProblem.Untrusted => "untrusted",
        CertificateProblem.SignatureInvalid => "certificate-signature-invalid",
        CertificateProblem.Revoked => "revoked",
        CertificateProblem.KeyUsage => "key-usage",
        CertificateProblem.IssuerInvalid => "issuer-invalid",
        CertificateProblem.RevocationListStale => "crl-stale",
        _ => "invalid",
    };
}
