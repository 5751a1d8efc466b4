namespace Ggzy.Sealing.Pki;

/// <summary>The bytes are not a certificate, revocation list or key that can be read; the message is Chinese.</summary>
public sealed class CertificateFormatException(string message, Exception? inner = null) : Exception(message, inner);
