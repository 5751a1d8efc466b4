using System.Buffers.Binary;

namespace Ggzy.Sealing.Envelope;

/// <summary>
/// <see cref="SealedEnvelope.Inspect"/> fed piece by piece: the envelope's bytes are appended in order, in pieces of
/// any size (as the chunks of an upload arrive), and each ciphertext goes through SM3 as it passes. The prefix is
/// parsed and checked as soon as it is whole; <see cref="Finish"/> gives the same inspection as reading the envelope in
/// one go, or the same refusal. Holds the prefix only (at most about 1 MiB), never a ciphertext.
/// </summary>
public sealed class EnvelopeInspector
{
    private const int LengthBytes = 4;

    private readonly long? _expectedLength;
    private byte[] _prefix = new byte[EnvelopeLayout.Magic.Length];
    private int _prefixFilled;
    private int _prefixStage;
    private int _headerLength;
    private byte[]? _headerBytes;
    private byte[]? _signature;
    private EnvelopeHeader? _header;
    private string[] _digests = [];
    private int _section;
    private long _sectionLeft;
    private Sm3? _sm3;

    /// <param name="expectedLength">
    /// The envelope's length when known (the declared size of an upload): an envelope whose header declares another
    /// length is refused as soon as its header is read.
    /// </param>
    public EnvelopeInspector(long? expectedLength = null) => _expectedLength = expectedLength;

    /// <summary>How many bytes were appended so far.</summary>
    public long Consumed { get; private set; }

    /// <summary>
    /// Appends the next bytes of the envelope. Throws <see cref="EnvelopeException"/> as soon as the bytes so far are
    /// not the start of a valid envelope (bad magic, lengths out of range, an unreadable header, bytes after the last
    /// section); the inspector is of no further use then.
    /// </summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (_header is null)
            {
                data = data[FillPrefix(data)..];
                continue;
            }

            if (_section >= _digests.Length)
            {
                throw EnvelopeLayout.Trailing();
            }

            var take = (int)Math.Min(_sectionLeft, data.Length);
            _sm3!.Append(data[..take]);
            _sectionLeft -= take;
            Consumed += take;
            data = data[take..];
            if (_sectionLeft == 0)
            {
                NextSection();
            }
        }
    }

    /// <summary>The inspection of the whole envelope; refuses one that ended early (<c>ENV_TRUNCATED</c>).</summary>
    public EnvelopeInspection Finish()
    {
        if (_header is null || _section < _digests.Length)
        {
            throw EnvelopeLayout.Truncated();
        }

        return new EnvelopeInspection(_header, _headerBytes!, _signature!, _digests, Consumed);
    }

    /// <summary>Takes what the current part of the prefix still needs from <paramref name="data"/>. Returns the bytes taken.</summary>
    private int FillPrefix(ReadOnlySpan<byte> data)
    {
        var take = Math.Min(_prefix.Length - _prefixFilled, data.Length);
        data[..take].CopyTo(_prefix.AsSpan(_prefixFilled));
        _prefixFilled += take;
        Consumed += take;
        if (_prefixFilled == _prefix.Length)
        {
            OnPrefixPart();
        }

        return take;
    }

    /// <summary>
    /// The prefix is read in the order <see cref="EnvelopeLayout.ReadPrefix"/> reads it, so that an envelope is refused
    /// for the same reason either way: magic; header length; header and signature length; signature.
    /// </summary>
    private void OnPrefixPart()
    {
        var magic = EnvelopeLayout.Magic.Length;
        var headerStart = magic + LengthBytes;
        switch (_prefixStage++)
        {
            case 0:
                EnvelopeLayout.CheckMagic(_prefix);
                Array.Resize(ref _prefix, headerStart);
                return;
            case 1:
                _headerLength = EnvelopeLayout.CheckLength(BinaryPrimitives.ReadUInt32BigEndian(_prefix.AsSpan(magic)), SealedEnvelope.MaxHeaderBytes, "信封头");
                Array.Resize(ref _prefix, headerStart + _headerLength + LengthBytes);
                return;
            case 2:
                var signatureLength = EnvelopeLayout.CheckLength(
                    BinaryPrimitives.ReadUInt32BigEndian(_prefix.AsSpan(headerStart + _headerLength)), SealedEnvelope.MaxSignatureBytes, "签名");
                Array.Resize(ref _prefix, _prefix.Length + signatureLength);
                return;
        }

        _headerBytes = _prefix.AsSpan(headerStart, _headerLength).ToArray();
        _signature = _prefix.AsSpan(headerStart + _headerLength + LengthBytes).ToArray();
        _prefix = [];
        _header = SealedEnvelope.ParseHeader(_headerBytes);
        var length = EnvelopeLayout.PrefixLength(_headerBytes, _signature) + _header.Sections.Sum(s => s.CipherLength);
        if (_expectedLength is { } expected && expected != length)
        {
            throw expected < length ? EnvelopeLayout.Truncated() : EnvelopeLayout.Trailing();
        }

        _digests = new string[_header.Sections.Count];
        _section = -1;
        NextSection();
    }

    private void NextSection()
    {
        if (_section >= 0)
        {
            _digests[_section] = Convert.ToHexStringLower(_sm3!.Finish());
        }

        for (_section++; _section < _digests.Length; _section++)
        {
            _sm3 = new Sm3();
            _sectionLeft = _header!.Sections[_section].CipherLength;
            if (_sectionLeft > 0)
            {
                return;
            }

            _digests[_section] = Convert.ToHexStringLower(_sm3.Finish());
        }
    }
}
