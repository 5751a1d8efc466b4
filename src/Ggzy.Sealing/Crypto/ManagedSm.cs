using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Ggzy.Sealing.Crypto;

/// <summary>SM3 and SM4-CBC from BouncyCastle: the fallback where libcrypto cannot be used.</summary>
internal sealed class ManagedSm : SmCrypto
{
    public override string Name => "BouncyCastle";

    public override Sm3Hash CreateSm3() => new Hash();

    public override Sm4CbcDecryptor CreateSm4CbcDecryptor(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv) => new Decryptor(key, iv);

    private sealed class Hash : Sm3Hash
    {
        private readonly SM3Digest _digest = new();

        public override void Append(ReadOnlySpan<byte> data) => _digest.BlockUpdate(data);

        public override void Finish(Span<byte> digest) => _digest.DoFinal(digest);
    }

    private sealed class Decryptor : Sm4CbcDecryptor
    {
        private readonly CbcBlockCipher _cipher = new(new SM4Engine());

        public Decryptor(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv)
        {
            if (key.Length != 16 || iv.Length != BlockBytes)
            {
                throw new ArgumentException("SM4 takes a 16-byte key and a 16-byte IV.", nameof(key));
            }

            _cipher.Init(false, new ParametersWithIV(new KeyParameter(key), iv));
        }

        protected override void DecryptBlocks(ReadOnlySpan<byte> ciphertext, Span<byte> plaintext)
        {
            for (var offset = 0; offset < ciphertext.Length; offset += BlockBytes)
            {
                _cipher.ProcessBlock(ciphertext.Slice(offset, BlockBytes), plaintext.Slice(offset, BlockBytes));
            }
        }
    }
}
