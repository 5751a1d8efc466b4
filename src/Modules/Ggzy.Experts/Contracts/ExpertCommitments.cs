using System.Text;
using Ggzy.Sealing;

namespace Ggzy.Experts.Contracts;

/// <summary>
/// The 评标专家信用承诺书 an expert reads and signs on signing in at the evaluation (R25: Jilin-Rules §43). Each version's
/// text ships with the module and never changes once published; a new wording is a new version. The digest is SM3 over
/// the UTF-8 text with <c>\n</c> line ends.
/// </summary>
public static class ExpertCommitments
{
    private static readonly IReadOnlyList<ExpertCommitment> Versions = [Load("v1")];

    public static ExpertCommitment Current => Versions[^1];

    public static ExpertCommitment? Find(string? version) => Versions.FirstOrDefault(v => v.Version == version);

    private static ExpertCommitment Load(string version)
    {
        var name = $"Ggzy.Experts.Commitments.expert-commitment.{version}.txt";
        using var stream = typeof(ExpertCommitments).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The commitment text {name} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd().ReplaceLineEndings("\n").Trim();
        return new ExpertCommitment(version, text, Sm3.HashHex(Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>One published version of the expert's commitment and the SM3 digest of its text.</summary>
public sealed record ExpertCommitment(string Version, string Text, string Digest);
