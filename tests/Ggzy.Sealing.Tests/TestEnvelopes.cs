using System.Buffers.Binary;
using System.Text;
using Ggzy.Sealing.Envelope;
using Ggzy.Sealing.Pki;

namespace Ggzy.Sealing.Tests;

/// <summary>Bidders, sealed envelopes and hand-made containers for the envelope tests.</summary>
internal static class TestEnvelopes
{
    public const string Lot = "E9901000001001001";
    public const string CreditCode = "91990102MA3E5M9R8X";
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    public static readonly ToolFingerprint Tool = new("ggzy-bid 1.0.0", "3f2a9c1e7b5d4e60a1b2c3d4e5f60718", "02:42:ac:11:00:02");
    public static readonly byte[] PriceSheet = Encoding.UTF8.GetBytes("开标一览表：投标报价 1,234,567.89 元；工期 180 日历天。");
    public static readonly byte[] Documents = [.. Enumerable.Range(0, 100_003).Select(i => (byte)(i * 31))];

    private static readonly Lazy<CertificateWithKey> Sm2 = new(() => Bidder(KeyAlgorithm.Sm2));
    private static readonly Lazy<CertificateWithKey> Rsa = new(() => Bidder(KeyAlgorithm.Rsa));
    private static readonly Lazy<CertificateWithKey> Ecdsa = new(() => Bidder(KeyAlgorithm.Ecdsa));

    public static CertificateWithKey BidderOf(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Sm2 => Sm2.Value,
        KeyAlgorithm.Rsa => Rsa.Value,
        _ => Ecdsa.Value,
    };

    /// <summary>A fresh bidder certificate (issued by a fresh CA) with the test credit code.</summary>
    public static CertificateWithKey Bidder(KeyAlgorithm algorithm)
    {
        var root = CertificateAuthority.CreateRoot(algorithm, "安和测试 CA", "安和测试 CA", Now.AddYears(-1), Now.AddYears(5));
        return CertificateAuthority.Issue(root, algorithm, new CertificateSubject("冯志远", "安和宏远建筑工程有限公司", CreditCode),
            Now.AddDays(-1), Now.AddYears(1));
    }

    /// <summary>Seals the given sections (by default a price sheet and 100 kB of documents) for the test lot.</summary>
    public static byte[] Seal(CertificateWithKey bidder, params (string Name, string File, byte[] Content)[] sections)
    {
        if (sections.Length == 0)
        {
            sections = [("price-sheet", "开标一览表.pdf", PriceSheet), ("documents", "投标文件.zip", Documents)];
        }

        using var output = new MemoryStream();
        SealedEnvelope.Seal(Lot, CreditCode, Tool, [.. sections.Select(s => new SectionInput(s.Name, s.File, new MemoryStream(s.Content)))],
            bidder.Certificate, bidder.Key, output);
        return output.ToArray();
    }

    public static SealedEnvelope Read(byte[] bytes) => SealedEnvelope.Read(new MemoryStream(bytes));

    /// <summary>An envelope container built by hand from its parts (docs/sealed-envelope.md §1).</summary>
    public static byte[] Compose(byte[] header, byte[] signature, IEnumerable<byte[]> ciphertexts)
    {
        using var output = new MemoryStream();
        output.Write("GGZYSENV"u8);
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)header.Length);
        output.Write(length);
        output.Write(header);
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)signature.Length);
        output.Write(length);
        output.Write(signature);
        foreach (var c in ciphertexts)
        {
            output.Write(c);
        }

        return output.ToArray();
    }

    public static byte[][] Ciphertexts(SealedEnvelope envelope) =>
        [.. Enumerable.Range(0, envelope.Header.Sections.Count).Select(i => envelope.Ciphertext(i).ToArray())];
}

/// <summary>A stream that cannot seek and returns at most a few kilobytes per read, as a network upload does.</summary>
internal sealed class ForwardOnlyStream(byte[] data, int maxRead = 4099) : Stream
{
    private int _position;

    public int BytesRead => _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(Math.Min(count, maxRead), data.Length - _position);
        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
