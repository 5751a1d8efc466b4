namespace Ggzy.Sealing.Envelope;

/// <summary>A sealed envelope that cannot be read, verified or opened; <see cref="Code"/> is stable, the message is Chinese.</summary>
public sealed class EnvelopeException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>Stable error codes of <c>ggzy.sealed-envelope.v1</c> (see docs/sealed-envelope.md).</summary>
public static class EnvelopeErrors
{
    public const string Truncated = "ENV_TRUNCATED";
    public const string BadMagic = "ENV_MAGIC";
    public const string UnknownVersion = "ENV_VERSION";
    public const string BadHeader = "ENV_HEADER";
    public const string TooLarge = "ENV_LIMIT";
    public const string SectionCount = "ENV_SECTION_COUNT";
    public const string SectionName = "ENV_SECTION_NAME";
    public const string Unencrypted = "ENV_UNENCRYPTED";
    public const string TrailingData = "ENV_TRAILING";
    public const string CipherDigest = "ENV_CIPHER_DIGEST";
    public const string Signature = "ENV_SIGNATURE";
    public const string CertificateProblem = "ENV_CERTIFICATE";
    public const string KeyUnwrap = "ENV_KEY";
    public const string PlainDigest = "ENV_PLAIN_DIGEST";
}
