using System.Buffers.Binary;
using System.Text;
using Ggzy.Sealing.Pki;

namespace Ggzy.Sealing.Archive;

/// <summary>What is wrong with one file of a package (or with the package itself).</summary>
public enum ArchiveFaultKind
{
    /// <summary>The package is not a ZIP of the archive layout at all (its end record or directory cannot be read).</summary>
    NotAPackage = 1,

    /// <summary>A header of this file differs from the archive layout or from its other header.</summary>
    Layout = 2,

    /// <summary>
    /// The manifest's signature does not verify, or was not made with the given platform key; or a document's detached
    /// platform signature (<c>NAME.sig</c> beside <c>NAME.ext</c>) does not verify with the key that signed the manifest.
    /// </summary>
    Signature = 3,

    /// <summary>The manifest cannot be read, or does not match the key that signed it.</summary>
    Manifest = 4,

    /// <summary>The file's bytes are not the ones the manifest lists (size or SM3), or not the ones its header's CRC-32 covers.</summary>
    Content = 5,

    /// <summary>The manifest lists the file but the package lacks it.</summary>
    Missing = 6,

    /// <summary>The package holds a file the manifest does not list.</summary>
    Extra = 7,
}

/// <summary>One fault: the file it concerns (a document's path, <c>manifest.json</c>, or the package's own name) and why, in Chinese.</summary>
public sealed record ArchiveFault(string File, ArchiveFaultKind Kind, string Message);

/// <summary>
/// The result of verifying a package: every fault, the manifest when its signature held, the fingerprint of the key the
/// signature was checked with, whether that key was the one given (rather than the one in the package), and how many
/// documents were checked.
/// </summary>
public sealed record ArchiveVerification(
    IReadOnlyList<ArchiveFault> Faults,
    ArchiveManifest? Manifest,
    string? KeyFingerprint,
    bool KeyGiven,
    int DocumentsChecked,
    long DocumentBytes,
    int SignaturesChecked = 0)
{
    public bool IsIntact => Faults.Count == 0;
}

/// <summary>
/// Verifies an archive package offline (docs/archive.md §3): the ZIP layout byte for byte (so no byte of the package
/// escapes the check), the manifest's SM3withSM2 signature — with the platform key given, or else with the key in the
/// package (which proves integrity, not origin) — the manifest itself, then every document's size, CRC-32 and SM3, and no
/// file missing or extra. Needs only this library: the CLI's <c>ggzy archive verify</c> runs it without the platform.
/// </summary>
public static class ArchiveVerifier
{
    private const int BufferSize = 1 << 16;

    /// <summary>The manifest, signature and key files are small; a larger one is refused before it is read.</summary>
    private const long MaxControlFileSize = 16 * 1024 * 1024;

    private sealed record Item(string Name, byte[] NameBytes, long HeaderOffset, long DataOffset, uint Size, uint Crc, ushort Time, ushort Date);

    public static ArchiveVerification Verify(Stream package, string packageName, PublicKey? platformKey = null)
    {
        if (!package.CanSeek || !package.CanRead)
        {
            throw new ArgumentException("The package stream must be readable and seekable.", nameof(package));
        }

        var faults = new List<ArchiveFault>();
        var items = Layout(package, packageName, faults);
        if (items is null)
        {
            return new ArchiveVerification(faults, null, null, platformKey is not null, 0, 0);
        }

        var byName = new Dictionary<string, Item>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            byName.TryAdd(item.Name, item);
        }

        foreach (var same in items.GroupBy(i => i.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            faults.Add(new ArchiveFault(same.Key, ArchiveFaultKind.Layout, $"归档包中有重名文件“{same.Key}”（不区分大小写）。"));
        }

        var manifestBytes = Control(package, byName, ArchivePaths.Manifest, faults);
        var signature = Control(package, byName, ArchivePaths.Signature, faults);
        var keyPem = Control(package, byName, ArchivePaths.PublicKey, faults);
        if (manifestBytes is null || signature is null || keyPem is null)
        {
            return new ArchiveVerification(faults, null, null, platformKey is not null, 0, 0);
        }

        var key = Key(keyPem, platformKey, faults);
        if (key is null)
        {
            return new ArchiveVerification(faults, null, null, platformKey is not null, 0, 0);
        }

        if (!key.Verify(manifestBytes, signature))
        {
            faults.Add(new ArchiveFault(ArchivePaths.Manifest, ArchiveFaultKind.Signature,
                $"清单签名验证失败：{ArchivePaths.Manifest} 或 {ArchivePaths.Signature} 已被改动，或清单不是用"
                + (platformKey is null ? $"包内的 {ArchivePaths.PublicKey}" : "所给的平台公钥") + "签发的。归档包不可信。"));
            return new ArchiveVerification(faults, null, key.Fingerprint, platformKey is not null, 0, 0);
        }

        ArchiveManifest manifest;
        try
        {
            manifest = ArchiveManifest.Parse(manifestBytes);
        }
        catch (ArchiveFormatException e)
        {
            faults.Add(new ArchiveFault(ArchivePaths.Manifest, ArchiveFaultKind.Manifest, e.Message));
            return new ArchiveVerification(faults, null, key.Fingerprint, platformKey is not null, 0, 0);
        }

        if (!string.Equals(manifest.KeyFingerprint, key.Fingerprint, StringComparison.OrdinalIgnoreCase))
        {
            faults.Add(new ArchiveFault(ArchivePaths.Manifest, ArchiveFaultKind.Manifest,
                $"清单所载的签名密钥指纹 {manifest.KeyFingerprint} 与验证签名的公钥指纹 {key.Fingerprint} 不符。"));
        }

        var (time, date) = ArchiveZip.DosTime(manifest.BuiltAt);
        foreach (var item in items.Where(i => i.Time != time || i.Date != date))
        {
            faults.Add(new ArchiveFault(item.Name, ArchiveFaultKind.Layout, $"“{item.Name}”的时间戳与清单的打包时间不符，其 ZIP 头已被改动。"));
        }

        var checkedCount = 0;
        long bytes = 0;
        var intact = new HashSet<string>(StringComparer.Ordinal);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in manifest.Entries)
        {
            listed.Add(entry.Path);
            if (ArchivePaths.Problem(entry.Path) is { } problem)
            {
                faults.Add(new ArchiveFault(entry.Path, ArchiveFaultKind.Manifest, $"清单中的路径“{entry.Path}”不可用：{problem}"));
                continue;
            }

            if (!byName.TryGetValue(entry.Path, out var item))
            {
                faults.Add(new ArchiveFault(entry.Path, ArchiveFaultKind.Missing, $"清单列有“{entry.Path}”，归档包中却没有这个文件。"));
                continue;
            }

            var (crc, sm3) = Digest(package, item);
            checkedCount++;
            bytes += item.Size;
            if (item.Size != entry.Size || !string.Equals(sm3, entry.Sm3, StringComparison.OrdinalIgnoreCase))
            {
                faults.Add(new ArchiveFault(entry.Path, ArchiveFaultKind.Content,
                    $"“{entry.Path}”的内容与清单不符：清单为 {entry.Size} 字节、SM3 {entry.Sm3}，实际为 {item.Size} 字节、SM3 {sm3}。"));
            }
            else if (crc != item.Crc)
            {
                faults.Add(new ArchiveFault(entry.Path, ArchiveFaultKind.Layout, $"“{entry.Path}”的 ZIP 头所载 CRC-32 与其内容不符，ZIP 头已被改动。"));
            }
            else
            {
                intact.Add(entry.Path);
            }
        }

        var signatures = DetachedSignatures(package, manifest, byName, intact, key, faults);

        foreach (var item in items.Where(i => !listed.Contains(i.Name) && !ArchivePaths.Reserved.Contains(i.Name, StringComparer.Ordinal)))
        {
            faults.Add(new ArchiveFault(item.Name, ArchiveFaultKind.Extra, $"归档包中有清单未列的文件“{item.Name}”。"));
        }

        foreach (var control in ArchivePaths.Reserved)
        {
            var (crc, _) = Digest(package, byName[control]);
            if (crc != byName[control].Crc)
            {
                faults.Add(new ArchiveFault(control, ArchiveFaultKind.Layout, $"“{control}”的 ZIP 头所载 CRC-32 与其内容不符，ZIP 头已被改动。"));
            }
        }

        return new ArchiveVerification(faults, manifest, key.Fingerprint, platformKey is not null, checkedCount, bytes, signatures);
    }

    /// <summary>
    /// The documents the platform signed on their own (the evaluation report, the award notice): a listed <c>NAME.sig</c>
    /// holds the platform's SM3withSM2 signature (DER) over the exact bytes of the one other listed document of the same
    /// folder named <c>NAME.ext</c>; it must verify with the key that signed the manifest. A document or signature already
    /// found changed is not checked again. Returns how many signatures held.
    /// </summary>
    private static int DetachedSignatures(Stream package, ArchiveManifest manifest, Dictionary<string, Item> byName, HashSet<string> intact, PublicKey key,
        List<ArchiveFault> faults)
    {
        var held = 0;
        foreach (var sig in manifest.Entries.Where(e => e.Path.EndsWith(".sig", StringComparison.Ordinal) && intact.Contains(e.Path)))
        {
            var stem = sig.Path[..^".sig".Length] + ".";
            var signed = manifest.Entries.Where(e => e.Path != sig.Path && e.Path.StartsWith(stem, StringComparison.Ordinal)
                && !e.Path[stem.Length..].Contains('/', StringComparison.Ordinal) && !e.Path[stem.Length..].Contains('.', StringComparison.Ordinal)).ToList();
            if (signed.Count != 1 || !intact.Contains(signed[0].Path))
            {
                continue;
            }

            var signature = Control(package, byName, sig.Path, faults);
            var document = Control(package, byName, signed[0].Path, faults);
            if (signature is null || document is null)
            {
                continue;
            }

            if (key.Verify(document, signature))
            {
                held++;
            }
            else
            {
                faults.Add(new ArchiveFault(signed[0].Path, ArchiveFaultKind.Signature,
                    $"“{signed[0].Path}”的平台签名（{sig.Path}）验证失败：该文件不是用签发清单的平台密钥签署的原文。"));
            }
        }

        return held;
    }

    private static PublicKey? Key(byte[] pem, PublicKey? given, List<ArchiveFault> faults)
    {
        PublicKey? inPackage = null;
        try
        {
            inPackage = PublicKey.Parse(pem);
        }
        catch (CertificateFormatException)
        {
            if (given is null)
            {
                faults.Add(new ArchiveFault(ArchivePaths.PublicKey, ArchiveFaultKind.Signature, $"{ArchivePaths.PublicKey} 不是可读的公钥，已被改动。"));
                return null;
            }
        }

        if (given is null)
        {
            return inPackage!.Algorithm == KeyAlgorithm.Sm2 ? inPackage : Refuse();
        }

        if (inPackage is null || !inPackage.Der.AsSpan().SequenceEqual(given.Der))
        {
            faults.Add(new ArchiveFault(ArchivePaths.PublicKey, ArchiveFaultKind.Signature,
                $"包内的 {ArchivePaths.PublicKey}（指纹 {inPackage?.Fingerprint ?? "无法读取"}）不是所给的平台公钥（指纹 {given.Fingerprint}）：归档包不是该平台签发的，或已被改动。"));
        }

        return given;

        PublicKey? Refuse()
        {
            faults.Add(new ArchiveFault(ArchivePaths.PublicKey, ArchiveFaultKind.Signature, $"{ArchivePaths.PublicKey} 不是 SM2 公钥。"));
            return null;
        }
    }

    private static byte[]? Control(Stream package, Dictionary<string, Item> byName, string name, List<ArchiveFault> faults)
    {
        if (!byName.TryGetValue(name, out var item))
        {
            faults.Add(new ArchiveFault(name, ArchiveFaultKind.Missing, $"归档包缺少“{name}”。"));
            return null;
        }

        if (item.Size > MaxControlFileSize)
        {
            faults.Add(new ArchiveFault(name, ArchiveFaultKind.Layout, $"“{name}”大得不合理（{item.Size} 字节）。"));
            return null;
        }

        var bytes = new byte[item.Size];
        package.Position = item.DataOffset;
        package.ReadExactly(bytes);
        return bytes;
    }

    private static (uint Crc, string Sm3) Digest(Stream package, Item item)
    {
        var crc = new Crc32();
        var sm3 = new Sm3();
        var buffer = new byte[BufferSize];
        package.Position = item.DataOffset;
        for (long left = item.Size; left > 0;)
        {
            var read = package.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read <= 0)
            {
                throw new EndOfStreamException();
            }

            crc.Append(buffer.AsSpan(0, read));
            sm3.Append(buffer.AsSpan(0, read));
            left -= read;
        }

        return (crc.Value, Convert.ToHexStringLower(sm3.Finish()));
    }

    // Reads the central directory and checks every local header against it and against the layout; null when the
    // package cannot be read as one at all.
    private static List<Item>? Layout(Stream package, string packageName, List<ArchiveFault> faults)
    {
        var length = package.Length;
        if (length < ArchiveZip.EndLength || length > ArchiveZip.MaxSize + ArchiveZip.EndLength)
        {
            faults.Add(new ArchiveFault(packageName, ArchiveFaultKind.NotAPackage, $"{packageName} 不是归档包（{length} 字节，无法读取 ZIP 目录）。"));
            return null;
        }

        var end = Read(package, length - ArchiveZip.EndLength, ArchiveZip.EndLength);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(end.AsSpan(10));
        var centralSize = BinaryPrimitives.ReadUInt32LittleEndian(end.AsSpan(12));
        var centralOffset = BinaryPrimitives.ReadUInt32LittleEndian(end.AsSpan(16));
        if (BinaryPrimitives.ReadUInt32LittleEndian(end) != ArchiveZip.EndSignature
            || !end.AsSpan(4, 4).SequenceEqual(new byte[4])
            || BinaryPrimitives.ReadUInt16LittleEndian(end.AsSpan(8)) != count
            || BinaryPrimitives.ReadUInt16LittleEndian(end.AsSpan(20)) != 0
            || (long)centralOffset + centralSize != length - ArchiveZip.EndLength)
        {
            faults.Add(new ArchiveFault(packageName, ArchiveFaultKind.NotAPackage,
                $"{packageName} 的 ZIP 目录结束记录不符合归档包格式（已被改动、截断或不是归档包）。"));
            return null;
        }

        var central = Read(package, centralOffset, (int)centralSize);
        var items = new List<Item>();
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            if (at + ArchiveZip.CentralHeaderLength > central.Length)
            {
                faults.Add(new ArchiveFault(packageName, ArchiveFaultKind.NotAPackage, $"{packageName} 的 ZIP 目录不完整（已被改动或截断）。"));
                return null;
            }

            var h = central.AsSpan(at);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(h[28..]);
            if (BinaryPrimitives.ReadUInt32LittleEndian(h) != ArchiveZip.CentralSignature
                || at + ArchiveZip.CentralHeaderLength + nameLength > central.Length)
            {
                faults.Add(new ArchiveFault(packageName, ArchiveFaultKind.NotAPackage, $"{packageName} 的 ZIP 目录第 {i + 1} 项无法读取（已被改动）。"));
                return null;
            }

            var nameBytes = h.Slice(ArchiveZip.CentralHeaderLength, nameLength).ToArray();
            var name = Name(nameBytes, i);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(h[24..]);
            var item = new Item(name, nameBytes, BinaryPrimitives.ReadUInt32LittleEndian(h[42..]), 0, size,
                BinaryPrimitives.ReadUInt32LittleEndian(h[16..]), BinaryPrimitives.ReadUInt16LittleEndian(h[12..]),
                BinaryPrimitives.ReadUInt16LittleEndian(h[14..]));
            var canonical = ArchiveZip.CentralHeader(nameBytes, item.Time, item.Date, item.Crc, size, (uint)item.HeaderOffset);
            if (!h[..canonical.Length].SequenceEqual(canonical))
            {
                faults.Add(new ArchiveFault(name, ArchiveFaultKind.Layout, $"“{name}”在 ZIP 目录中的记录不符合归档包格式，已被改动。"));
            }

            items.Add(item);
            at += canonical.Length;
        }

        if (at != central.Length)
        {
            faults.Add(new ArchiveFault(packageName, ArchiveFaultKind.NotAPackage, $"{packageName} 的 ZIP 目录有多余的数据（已被改动）。"));
            return null;
        }

        long expected = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var nameBytes = item.NameBytes;
            if (item.HeaderOffset != expected || expected + ArchiveZip.LocalHeaderLength + nameBytes.Length + (long)item.Size > centralOffset)
            {
                faults.Add(new ArchiveFault(item.Name, ArchiveFaultKind.Layout, $"“{item.Name}”在归档包中的位置与 ZIP 目录不符，已被改动。"));
                return null;
            }

            var local = Read(package, expected, ArchiveZip.LocalHeaderLength + nameBytes.Length);
            var canonical = ArchiveZip.LocalHeader(nameBytes, item.Time, item.Date, item.Crc, item.Size);
            if (!local.AsSpan().SequenceEqual(canonical))
            {
                faults.Add(new ArchiveFault(item.Name, ArchiveFaultKind.Layout, $"“{item.Name}”的本地 ZIP 头与 ZIP 目录不符，已被改动。"));
            }

            items[i] = item with { DataOffset = expected + canonical.Length };
            expected += canonical.Length + item.Size;
        }

        if (expected != centralOffset)
        {
            faults.Add(new ArchiveFault(packageName, ArchiveFaultKind.NotAPackage, $"{packageName} 的文件数据与 ZIP 目录之间有多余的数据（已被改动）。"));
            return null;
        }

        return items;
    }

    private static string Name(byte[] bytes, int index)
    {
        try
        {
            return ArchiveZip.StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return $"（第 {index + 1} 个文件，文件名不是有效的 UTF-8）";
        }
    }

    private static byte[] Read(Stream stream, long offset, int count)
    {
        var bytes = new byte[count];
        stream.Position = offset;
        stream.ReadExactly(bytes);
        return bytes;
    }
}
