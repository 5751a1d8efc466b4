using System.Text;
using Ggzy.Sealing;

namespace Ggzy.Credit.Contracts;

/// <summary>
/// The standard 信用承诺书 (R27: Wuhan §36, Tianjin §31, Jilin-Measures §43). Each version's text ships with the module
/// and never changes once published; a new wording is a new version. The digest is SM3 over the UTF-8 text with
/// <c>\n</c> line ends.
/// </summary>
public static class CreditCommitments
{
    private static readonly IReadOnlyList<CreditCommitment> Versions = [Load("v1")];

    public static CreditCommitment Current => Versions[^1];

    public static CreditCommitment? Find(string? version) => Versions.FirstOrDefault(v => v.Version == version);

    private static CreditCommitment Load(string version)
    {
        var name = $"Ggzy.Credit.Commitments.credit-commitment.{version}.txt";
        using var stream = typeof(CreditCommitments).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The commitment text {name} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd().ReplaceLineEndings("\n").Trim();
        return new CreditCommitment(version, text, Sm3.HashHex(Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>One published version of the commitment text and the SM3 digest of that text.</summary>
public sealed record CreditCommitment(string Version, string Text, string Digest);
