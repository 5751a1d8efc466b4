using System.Text;
using Ggzy.Platform.Data;
using Ggzy.Sealing.Pki;
using Microsoft.Extensions.Options;

namespace Ggzy.Platform.Signing;

/// <summary>Bound from <c>Platform:Signing</c>.</summary>
public sealed class PlatformSigningOptions
{
    public const string SectionName = "Platform:Signing";

    /// <summary>
    /// The platform's SM2 signing key (unencrypted PKCS #8 PEM). Default <c>{data directory}/keys/platform-signing.key.pem</c>,
    /// created on first use with mode 600; several web nodes must point at the same file.
    /// </summary>
    public string? KeyFile { get; set; }
}

/// <summary>
/// The platform's own signature (SM3withSM2), on what it acknowledges: bid receipts (回执), later archive manifests.
/// Anyone checks it with the public key from <c>GET /api/v1/trading/bids/receipt-key</c>.
/// </summary>
public sealed class PlatformSigner(IOptions<PlatformSigningOptions> options, IOptions<DatabaseOptions> database)
{
    private readonly Lazy<PrivateKey> _key = new(() => LoadOrCreate(
        options.Value.KeyFile ?? Path.Combine(database.Value.DataDirectory, "keys", "platform-signing.key.pem")));

    public PublicKey PublicKey => _key.Value.PublicKey;

    public byte[] Sign(ReadOnlySpan<byte> data) => _key.Value.Sign(data);

    private static PrivateKey LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var key = CertificateAuthority.NewKey(KeyAlgorithm.Sm2);
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temp, fileOptions))
            {
                stream.Write(Encoding.ASCII.GetBytes(key.ToPem()));
                stream.Flush(flushToDisk: true);
            }

            // Two nodes starting together: the first rename wins, the other reads the winner's key.
            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temp);
            }
        }

        var parsed = PrivateKey.Parse(File.ReadAllBytes(path));
        return parsed.Algorithm == KeyAlgorithm.Sm2
            ? parsed
            : throw new InvalidOperationException($"The platform signing key {path} must be an SM2 key.");
    }
}
