using System.Text.Json.Serialization;

namespace Ggzy.Sealing.Envelope;

/// <summary>The bid-making tool's fingerprint, signed with the header (real platforms compare it across bidders).</summary>
public sealed record ToolFingerprint(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("machineId")] string MachineId,
    [property: JsonPropertyName("mac")] string Mac);

/// <summary>How the content key is wrapped to the bidder's certificate key.</summary>
public sealed record KeyWrap(
    [property: JsonPropertyName("algorithm")] string Algorithm,
    [property: JsonPropertyName("wrappedKey")] string WrappedKey);

/// <summary>One separately sealed section as described in the signed header.</summary>
public sealed record SectionEntry(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("fileName")] string FileName,
    [property: JsonPropertyName("plainLength")] long PlainLength,
    [property: JsonPropertyName("cipherLength")] long CipherLength,
    [property: JsonPropertyName("iv")] string Iv,
    [property: JsonPropertyName("plainMac")] string PlainMac,
    [property: JsonPropertyName("cipherSm3")] string CipherSm3);

/// <summary>The signed header of a <c>ggzy.sealed-envelope.v1</c> envelope.</summary>
public sealed record EnvelopeHeader(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("lotCode")] string LotCode,
    [property: JsonPropertyName("bidderCreditCode")] string BidderCreditCode,
    [property: JsonPropertyName("tool")] ToolFingerprint Tool,
    [property: JsonPropertyName("certificate")] string Certificate,
    [property: JsonPropertyName("cipher")] string Cipher,
    [property: JsonPropertyName("keyWrap")] KeyWrap KeyWrap,
    [property: JsonPropertyName("sections")] IReadOnlyList<SectionEntry> Sections);

/// <summary>A section to seal: <see cref="Name"/> (e.g. <c>price-sheet</c>), a plain file name and its content.</summary>
public sealed record SectionInput(string Name, string FileName, Stream Content);

/// <summary>An opened section: its header entry and the plaintext, whose SM3 digest was checked.</summary>
public sealed record UnsealedSection(SectionEntry Entry, byte[] Content);

/// <summary>The outcome of <see cref="SealedEnvelope.Verify"/>: valid, or the first problem with a stable code.</summary>
public sealed record EnvelopeVerification(string? Code, string? Reason)
{
    public bool IsValid => Code is null;

    public static readonly EnvelopeVerification Valid = new(null, null);
}
