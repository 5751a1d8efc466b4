namespace Ggzy.Sealing.Crypto;

/// <summary>
/// SM3 (GB/T 32905) and SM4-CBC decryption (GB/T 32907) from one implementation: OpenSSL's libcrypto
/// (<c>libcrypto.so.3</c>, through its EVP interface) when it can be loaded, offers both algorithms and passes a
/// known-answer test, BouncyCastle otherwise. Both give the same bytes; libcrypto is about twice as fast on x86-64.
/// </summary>
public abstract class SmCrypto
{
    private static readonly Lazy<SmCrypto?> Native = new(LibCryptoSm.TryLoad);

    /// <summary>BouncyCastle, always available.</summary>
    public static SmCrypto Managed { get; } = new ManagedSm();

    /// <summary>OpenSSL's libcrypto, or null when it cannot be loaded, lacks SM3 or SM4, or fails its known-answer test.</summary>
    public static SmCrypto? LibCrypto => Native.Value;

    /// <summary><see cref="LibCrypto"/> when available, else <see cref="Managed"/>.</summary>
    public static SmCrypto Default => LibCrypto ?? Managed;

    /// <summary>A short name for reports: <c>libcrypto 3.0.19</c>, <c>BouncyCastle</c>.</summary>
    public abstract string Name { get; }

    /// <summary>A fresh SM3 computation.</summary>
    public abstract Sm3Hash CreateSm3();

    /// <summary>SM4-CBC decryption of whole 16-byte blocks under <paramref name="key"/> (16 bytes) from <paramref name="iv"/> (16 bytes); padding is the caller's.</summary>
    public abstract Sm4CbcDecryptor CreateSm4CbcDecryptor(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv);

    /// <summary>A fresh HMAC-SM3 (RFC 2104, 64-byte blocks) keyed with <paramref name="key"/>.</summary>
    public HmacSm3 CreateHmacSm3(ReadOnlySpan<byte> key) => new(this, key);

    public override string ToString() => Name;
}

/// <summary>One SM3 computation: <see cref="Append"/> any number of times, then <see cref="Finish(Span{byte})"/> once.</summary>
public abstract class Sm3Hash : IDisposable
{
    public const int DigestBytes = 32;
    public const int BlockBytes = 64;

    public abstract void Append(ReadOnlySpan<byte> data);

    /// <summary>Writes the 32-byte digest to <paramref name="digest"/>; the computation cannot be continued afterwards.</summary>
    public abstract void Finish(Span<byte> digest);

    public byte[] Finish()
    {
        var digest = new byte[DigestBytes];
        Finish(digest);
        return digest;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}

/// <summary>SM4-CBC decryption chained across calls; each call takes whole 16-byte blocks.</summary>
public abstract class Sm4CbcDecryptor : IDisposable
{
    public const int BlockBytes = 16;

    /// <summary>Decrypts <paramref name="ciphertext"/> (a multiple of 16 bytes) into the first as many bytes of <paramref name="plaintext"/>.</summary>
    public void Decrypt(ReadOnlySpan<byte> ciphertext, Span<byte> plaintext)
    {
        if (ciphertext.Length % BlockBytes != 0)
        {
            throw new ArgumentException("SM4-CBC decrypts whole 16-byte blocks.", nameof(ciphertext));
        }

        if (plaintext.Length < ciphertext.Length)
        {
            throw new ArgumentException("The plaintext buffer is shorter than the ciphertext.", nameof(plaintext));
        }

        DecryptBlocks(ciphertext, plaintext[..ciphertext.Length]);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Decrypts whole blocks; <paramref name="plaintext"/> has exactly the ciphertext's length.</summary>
    protected abstract void DecryptBlocks(ReadOnlySpan<byte> ciphertext, Span<byte> plaintext);

    protected virtual void Dispose(bool disposing)
    {
    }
}
