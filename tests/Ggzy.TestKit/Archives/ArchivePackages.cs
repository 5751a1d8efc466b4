using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Ggzy.Sealing;
using Ggzy.Sealing.Archive;
using Ggzy.Sealing.Pki;

namespace Ggzy.TestKit.Archives;

/// <summary>
/// Builds archive packages for tests and tampers with them the way an attacker would: reading a package with the
/// framework's own ZIP reader (so the tests also show that ordinary ZIP tools read it) and writing the files back in the
/// layout docs/archive.md §2 describes, written here independently of the platform's writer.
/// </summary>
public static class ArchivePackages
{
    public static readonly DateTimeOffset BuiltAt = new(2026, 5, 20, 16, 30, 0, TimeSpan.FromHours(8));

    /// <summary>Three small documents under two folders.</summary>
    public static IReadOnlyList<(string Path, byte[] Content)> Documents { get; } =
    [
        ("02-招标文件/招标文件.pdf", Encoding.UTF8.GetBytes("%PDF-1.7 招标文件 第一章 招标公告")),
        ("05-开标记录/开标记录.json", Encoding.UTF8.GetBytes("{\"format\":\"ggzy.opening-record.v1\",\"lotCode\":\"E9901000001001001\"}")),
        ("10-合同/合同.pdf", Encoding.UTF8.GetBytes("%PDF-1.7 合同 甲方 乙方")),
    ];

    public static ArchiveDescription Description { get; } = new(
        Guid.Parse("019e0000-0000-7000-8000-000000000001"), BuiltAt,
        new ArchiveSubject("E9901000001001001", "东湖公园景观提升工程施工"), new ArchiveSubject("E9901000001001", "东湖公园景观提升工程"),
        new ArchiveProcedure("procurement", "open-tender", "awarded", new DateOnly(2026, 5, 20)),
        new ArchiveRetention(15, new DateOnly(2041, 5, 20), "采购文件自采购结束之日起至少保存 15 年（《中华人民共和国政府采购法》第四十二条）"));

    /// <summary>A package of <see cref="Documents"/> signed with <paramref name="key"/>.</summary>
    public static byte[] Build(PrivateKey key)
    {
        using var output = new MemoryStream();
        ArchivePackageWriter.Write(output, Description,
            Documents.Select(d => new ArchiveSource(d.Path, "test", d.Path, () => new MemoryStream(d.Content))), ArchiveSigner.From(key));
        return output.ToArray();
    }

    /// <summary>The files of a package in order, read with System.IO.Compression.</summary>
    public static List<(string Name, byte[] Content)> Read(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return
        [
            .. zip.Entries.Select(e =>
            {
                using var stream = e.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return (e.FullName, copy.ToArray());
            }),
        ];
    }

    /// <summary>Reads the package, lets <paramref name="change"/> edit its files, and writes them back in the archive layout.</summary>
    public static byte[] Rewrite(byte[] package, Action<List<(string Name, byte[] Content)>> change)
    {
        var files = Read(package);
        change(files);
        var time = BinaryPrimitives.ReadUInt16LittleEndian(package.AsSpan(10));
        var date = BinaryPrimitives.ReadUInt16LittleEndian(package.AsSpan(12));
        return Write(files, time, date);
    }

    /// <summary>Replaces the manifest by its <paramref name="change"/>d copy signed with <paramref name="key"/>, and the key file by its public key.</summary>
    public static byte[] Resign(byte[] package, Func<ArchiveManifest, ArchiveManifest> change, PrivateKey key) => Rewrite(package, files =>
    {
        var manifest = change(ArchiveManifest.Parse(files.Single(f => f.Name == ArchivePaths.Manifest).Content)) with
        {
            KeyFingerprint = key.PublicKey.Fingerprint,
        };
        var bytes = manifest.ToUtf8();
        Replace(files, ArchivePaths.Manifest, bytes);
        Replace(files, ArchivePaths.Signature, key.Sign(bytes));
        Replace(files, ArchivePaths.PublicKey, Encoding.ASCII.GetBytes(key.PublicKey.ToPem()));
    });

    public static void Replace(List<(string Name, byte[] Content)> files, string name, byte[] content) =>
        files[files.FindIndex(f => f.Name == name)] = (name, content);

    /// <summary>The SM3 of a document as the manifest lists it.</summary>
    public static string Sm3Of(byte[] content) => Sm3.HashHex(content);

    private static byte[] Write(List<(string Name, byte[] Content)> files, ushort time, ushort date)
    {
        using var output = new MemoryStream();
        var central = new MemoryStream();
        foreach (var (name, content) in files)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var crc = Crc(content);
            var offset = (uint)output.Position;
            Header(output, 0x04034b50, nameBytes, time, date, crc, (uint)content.Length, null);
            output.Write(content);
            Header(central, 0x02014b50, nameBytes, time, date, crc, (uint)content.Length, offset);
        }

        var centralOffset = (uint)output.Position;
        central.Position = 0;
        central.CopyTo(output);
        var end = new byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(8), (ushort)files.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(10), (ushort)files.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(12), (uint)central.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(16), centralOffset);
        output.Write(end);
        return output.ToArray();
    }

    // Local header (offset null) or central directory header: made by Unix 2.0, version 2.0 needed, UTF-8 names, stored,
    // regular files rw-r--r--, nothing else.
    private static void Header(Stream to, uint signature, byte[] name, ushort time, ushort date, uint crc, uint size, uint? offset)
    {
        var central = offset is not null;
        var header = new byte[(central ? 46 : 30) + name.Length];
        var s = header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(s, signature);
        var at = 4;
        if (central)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(s[at..], 0x0314); // made by Unix, 2.0
            at += 2;
        }

        BinaryPrimitives.WriteUInt16LittleEndian(s[at..], 20);
        BinaryPrimitives.WriteUInt16LittleEndian(s[(at + 2)..], 0x0800);
        BinaryPrimitives.WriteUInt16LittleEndian(s[(at + 6)..], time);
        BinaryPrimitives.WriteUInt16LittleEndian(s[(at + 8)..], date);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(at + 10)..], crc);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(at + 14)..], size);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(at + 18)..], size);
        BinaryPrimitives.WriteUInt16LittleEndian(s[(at + 22)..], (ushort)name.Length);
        if (central)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s[38..], 0x81A4u << 16); // a regular file, rw-r--r--
            BinaryPrimitives.WriteUInt32LittleEndian(s[42..], offset!.Value);
        }

        name.CopyTo(s[(central ? 46 : 30)..]);
        to.Write(header);
    }

    private static uint Crc(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
