using System.Text;
using Ggzy.Sealing.Pki;

namespace Ggzy.Sealing.Archive;

/// <summary>A document to archive: its path in the package, its kind and title, and how to read its bytes (opened once).</summary>
public sealed record ArchiveSource(string Path, string Kind, string Title, Func<Stream> Open);

/// <summary>
/// Who signs the manifest: the public key (its fingerprint goes into the manifest, its PEM into the package) and the
/// signing function, SM3withSM2 over the exact bytes (the platform's <c>PlatformSigner</c>).
/// </summary>
public sealed record ArchiveSigner(PublicKey PublicKey, Func<byte[], byte[]> Sign)
{
    public static ArchiveSigner From(PrivateKey key) => new(key.PublicKey, data => key.Sign(data));
}

/// <summary>What the manifest says about the package besides its entries.</summary>
public sealed record ArchiveDescription(
    Guid PackageId,
    DateTimeOffset BuiltAt,
    ArchiveSubject Lot,
    ArchiveSubject Project,
    ArchiveProcedure Procedure,
    ArchiveRetention Retention);

/// <summary>
/// Writes an archive package (docs/archive.md): every document in the given order, streamed once through CRC-32 and SM3,
/// then <c>manifest.json</c>, its signature <c>manifest.sig</c> (DER) and the signer's <c>platform-key.pem</c>, in the
/// single ZIP layout of <see cref="ArchiveZip"/>. The output must be seekable (each local header is completed after its
/// data).
/// </summary>
public static class ArchivePackageWriter
{
    private const int BufferSize = 1 << 16;

    public static ArchiveManifest Write(Stream output, ArchiveDescription description, IEnumerable<ArchiveSource> sources, ArchiveSigner signer)
    {
        if (!output.CanSeek || !output.CanWrite || output.Position != 0)
        {
            throw new ArchiveFormatException(ArchiveErrors.Output, "归档包须写入一个可定位、可写且为空的文件。");
        }

        if (signer.PublicKey.Algorithm != KeyAlgorithm.Sm2)
        {
            throw new ArchiveFormatException(ArchiveErrors.Output, "归档包的清单须以平台的 SM2 密钥签名。");
        }

        var builtAt = new DateTimeOffset(description.BuiltAt.Ticks - (description.BuiltAt.Ticks % TimeSpan.TicksPerSecond), description.BuiltAt.Offset)
            .ToOffset(TimeSpan.FromHours(8));
        var (time, date) = ArchiveZip.DosTime(builtAt);
        var central = new List<byte[]>();
        var entries = new List<ArchiveEntry>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var source in sources)
        {
            if (ArchivePaths.Problem(source.Path) is { } problem)
            {
                throw new ArchiveFormatException(ArchiveErrors.Path, $"文件“{source.Path}”的路径不可用：{problem}");
            }

            if (!seen.Add(source.Path))
            {
                throw new ArchiveFormatException(ArchiveErrors.Path, $"文件路径“{source.Path}”重复（不区分大小写），请改名。");
            }

            using var input = source.Open();
            var (size, digest) = WriteEntry(output, source.Path, input, time, date, central);
            entries.Add(new ArchiveEntry(source.Path, source.Kind, source.Title, size, digest));
        }

        var manifest = new ArchiveManifest(ArchiveManifest.FormatV1, description.PackageId, builtAt, description.Lot, description.Project,
            description.Procedure, description.Retention, signer.PublicKey.Fingerprint, entries);
        var manifestBytes = manifest.ToUtf8();
        var signature = signer.Sign(manifestBytes);
        using (var json = new MemoryStream(manifestBytes))
        {
            WriteEntry(output, ArchivePaths.Manifest, json, time, date, central);
        }

        using (var sig = new MemoryStream(signature))
        {
            WriteEntry(output, ArchivePaths.Signature, sig, time, date, central);
        }

        using (var pem = new MemoryStream(Encoding.ASCII.GetBytes(signer.PublicKey.ToPem())))
        {
            WriteEntry(output, ArchivePaths.PublicKey, pem, time, date, central);
        }

        if (central.Count > ArchiveZip.MaxEntries)
        {
            throw new ArchiveFormatException(ArchiveErrors.TooLarge, $"归档包最多 {ArchiveZip.MaxEntries} 个文件。");
        }

        var centralOffset = output.Position;
        foreach (var header in central)
        {
            output.Write(header);
        }

        var centralSize = output.Position - centralOffset;
        if (output.Position > ArchiveZip.MaxSize)
        {
            throw new ArchiveFormatException(ArchiveErrors.TooLarge, "归档包超过 4 GiB，请分册归档。");
        }

        output.Write(ArchiveZip.End(central.Count, (uint)centralSize, (uint)centralOffset));
        output.Flush();
        return manifest;
    }

    private static (long Size, string Sm3) WriteEntry(Stream output, string path, Stream input, ushort time, ushort date, List<byte[]> central)
    {
        var name = ArchiveZip.StrictUtf8.GetBytes(path);
        var offset = output.Position;
        if (offset > ArchiveZip.MaxSize)
        {
            throw new ArchiveFormatException(ArchiveErrors.TooLarge, "归档包超过 4 GiB，请分册归档。");
        }

        output.Write(ArchiveZip.LocalHeader(name, time, date, 0, 0));
        var crc = new Crc32();
        var sm3 = new Sm3();
        long size = 0;
        var buffer = new byte[BufferSize];
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            var chunk = buffer.AsSpan(0, read);
            crc.Append(chunk);
            sm3.Append(chunk);
            output.Write(chunk);
            size += read;
            if (size > ArchiveZip.MaxSize)
            {
                throw new ArchiveFormatException(ArchiveErrors.TooLarge, $"文件“{path}”超过 4 GiB，不能放入归档包。");
            }
        }

        var end = output.Position;
        output.Position = offset;
        output.Write(ArchiveZip.LocalHeader(name, time, date, crc.Value, (uint)size));
        output.Position = end;
        central.Add(ArchiveZip.CentralHeader(name, time, date, crc.Value, (uint)size, (uint)offset));
        return (size, Convert.ToHexStringLower(sm3.Finish()));
    }
}
