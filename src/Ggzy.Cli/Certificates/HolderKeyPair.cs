using Ggzy.Sealing.Pki;

namespace Ggzy.Cli.Certificates;

/// <summary>
/// A holder's certificate and private key as given on the command line, read and checked to belong together: the key
/// signs a probe that the certificate's public key must verify (a login or a seal with someone else's key is refused
/// here, before anything is sent or written).
/// </summary>
internal sealed record HolderKeyPair(Certificate Certificate, PrivateKey Key, byte[] CertificateBytes)
{
    public static async Task<HolderKeyPair> LoadAsync(string certificateFile, string keyFile, CancellationToken ct)
    {
        var certificateBytes = await ReadAsync(certificateFile, "证书", ct);
        var keyBytes = await ReadAsync(keyFile, "私钥", ct);
        Certificate certificate;
        PrivateKey key;
        try
        {
            certificate = Certificate.Parse(certificateBytes);
            key = PrivateKey.Parse(keyBytes);
        }
        catch (CertificateFormatException e)
        {
            throw new CliException(e.Message);
        }

        var probe = "ggzy-key-check"u8;
        if (key.Algorithm != certificate.KeyAlgorithm || !certificate.VerifySignature(probe, key.Sign(probe)))
        {
            throw new CliException($"私钥与证书不匹配：{keyFile} 不是 {certificateFile} 的私钥。");
        }

        return new HolderKeyPair(certificate, key, certificateBytes);
    }

    private static async Task<byte[]> ReadAsync(string path, string what, CancellationToken ct)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"无法读取{what}文件 {path}：{e.Message}");
        }
    }
}
