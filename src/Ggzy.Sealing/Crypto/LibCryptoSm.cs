using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace Ggzy.Sealing.Crypto;

/// <summary>
/// SM3 and SM4-CBC from OpenSSL 3's libcrypto (Debian's <c>libssl3</c> package), through the EVP interface: the
/// algorithms are fetched once from the default provider and shared; each computation has its own EVP context.
/// </summary>
internal sealed partial class LibCryptoSm : SmCrypto
{
    private const string Library = "libcrypto.so.3";
    private const int OpenSslVersionText = 0;

    private readonly nint _sm3;
    private readonly nint _sm4Cbc;

    private LibCryptoSm(nint sm3, nint sm4Cbc, string name)
    {
        _sm3 = sm3;
        _sm4Cbc = sm4Cbc;
        Name = name;
    }

    public override string Name { get; }

    /// <summary>The libcrypto implementation, or null when the library, SM3 or SM4-CBC is missing or gives wrong answers.</summary>
    public static SmCrypto? TryLoad()
    {
        try
        {
            var sm3 = MdFetch(0, "SM3", null);
            var sm4Cbc = CipherFetch(0, "SM4-CBC", null);
            if (sm3 == 0 || sm4Cbc == 0)
            {
                MdFree(sm3);
                CipherFree(sm4Cbc);
                ClearErrors();
                return null;
            }

            var version = Marshal.PtrToStringUTF8(Version(OpenSslVersionText)) ?? "OpenSSL";
            var crypto = new LibCryptoSm(sm3, sm4Cbc, "libcrypto (" + version + ")");
            return KnownAnswers.Pass(crypto) ? crypto : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return null;
        }
    }

    public override Sm3Hash CreateSm3() => new Hash(_sm3);

    public override Sm4CbcDecryptor CreateSm4CbcDecryptor(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv) => new Decryptor(_sm4Cbc, key, iv);

    private static CryptographicException Failed(string call)
    {
        ClearErrors();
        return new CryptographicException($"libcrypto: {call} failed.");
    }

    private sealed class Hash : Sm3Hash
    {
        private readonly DigestContext _context;

        public Hash(nint sm3)
        {
            _context = MdContextNew();
            if (_context.IsInvalid || DigestInit(_context, sm3, 0) != 1)
            {
                _context.Dispose();
                throw Failed("EVP_DigestInit_ex");
            }
        }

        public override unsafe void Append(ReadOnlySpan<byte> data)
        {
            fixed (byte* pointer = data)
            {
                if (DigestUpdate(_context, pointer, (nuint)data.Length) != 1)
                {
                    throw Failed("EVP_DigestUpdate");
                }
            }
        }

        public override unsafe void Finish(Span<byte> digest)
        {
            if (digest.Length < DigestBytes)
            {
                throw new ArgumentException("An SM3 digest is 32 bytes.", nameof(digest));
            }

            fixed (byte* pointer = digest)
            {
                if (DigestFinal(_context, pointer, 0) != 1)
                {
                    throw Failed("EVP_DigestFinal_ex");
                }
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _context.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class Decryptor : Sm4CbcDecryptor
    {
        private const int MaxPerCall = 1 << 30;

        private readonly CipherContext _context;

        public unsafe Decryptor(nint sm4Cbc, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv)
        {
            if (key.Length != 16 || iv.Length != BlockBytes)
            {
                throw new ArgumentException("SM4 takes a 16-byte key and a 16-byte IV.", nameof(key));
            }

            _context = CipherContextNew();
            fixed (byte* keyPointer = key)
            fixed (byte* ivPointer = iv)
            {
                if (_context.IsInvalid || DecryptInit(_context, sm4Cbc, 0, keyPointer, ivPointer) != 1 || SetPadding(_context, 0) != 1)
                {
                    _context.Dispose();
                    throw Failed("EVP_DecryptInit_ex");
                }
            }
        }

        protected override unsafe void DecryptBlocks(ReadOnlySpan<byte> ciphertext, Span<byte> plaintext)
        {
            fixed (byte* input = ciphertext)
            fixed (byte* output = plaintext)
            {
                for (var offset = 0; offset < ciphertext.Length; offset += MaxPerCall)
                {
                    var count = Math.Min(MaxPerCall, ciphertext.Length - offset);
                    if (DecryptUpdate(_context, output + offset, out var written, input + offset, count) != 1 || written != count)
                    {
                        throw Failed("EVP_DecryptUpdate");
                    }
                }
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _context.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class DigestContext() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
    {
        protected override bool ReleaseHandle()
        {
            MdContextFree(handle);
            return true;
        }
    }

    private sealed class CipherContext() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
    {
        protected override bool ReleaseHandle()
        {
            CipherContextFree(handle);
            return true;
        }
    }

    [LibraryImport(Library, EntryPoint = "OpenSSL_version")]
    private static partial nint Version(int type);

    [LibraryImport(Library, EntryPoint = "ERR_clear_error")]
    private static partial void ClearErrors();

    [LibraryImport(Library, EntryPoint = "EVP_MD_fetch", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint MdFetch(nint libraryContext, string algorithm, string? properties);

    [LibraryImport(Library, EntryPoint = "EVP_MD_free")]
    private static partial void MdFree(nint md);

    [LibraryImport(Library, EntryPoint = "EVP_MD_CTX_new")]
    private static partial DigestContext MdContextNew();

    [LibraryImport(Library, EntryPoint = "EVP_MD_CTX_free")]
    private static partial void MdContextFree(nint context);

    [LibraryImport(Library, EntryPoint = "EVP_DigestInit_ex")]
    private static partial int DigestInit(DigestContext context, nint md, nint engine);

    [LibraryImport(Library, EntryPoint = "EVP_DigestUpdate")]
    private static unsafe partial int DigestUpdate(DigestContext context, byte* data, nuint count);

    [LibraryImport(Library, EntryPoint = "EVP_DigestFinal_ex")]
    private static unsafe partial int DigestFinal(DigestContext context, byte* digest, nint size);

    [LibraryImport(Library, EntryPoint = "EVP_CIPHER_fetch", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint CipherFetch(nint libraryContext, string algorithm, string? properties);

    [LibraryImport(Library, EntryPoint = "EVP_CIPHER_free")]
    private static partial void CipherFree(nint cipher);

    [LibraryImport(Library, EntryPoint = "EVP_CIPHER_CTX_new")]
    private static partial CipherContext CipherContextNew();

    [LibraryImport(Library, EntryPoint = "EVP_CIPHER_CTX_free")]
    private static partial void CipherContextFree(nint context);

    [LibraryImport(Library, EntryPoint = "EVP_DecryptInit_ex")]
    private static unsafe partial int DecryptInit(CipherContext context, nint cipher, nint engine, byte* key, byte* iv);

    [LibraryImport(Library, EntryPoint = "EVP_CIPHER_CTX_set_padding")]
    private static partial int SetPadding(CipherContext context, int padding);

    [LibraryImport(Library, EntryPoint = "EVP_DecryptUpdate")]
    private static unsafe partial int DecryptUpdate(CipherContext context, byte* output, out int outputLength, byte* input, int inputLength);
}
