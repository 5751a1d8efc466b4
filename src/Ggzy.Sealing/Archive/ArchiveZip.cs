using System.Buffers.Binary;
using System.Text;

namespace Ggzy.Sealing.Archive;

/// <summary>
/// The one ZIP layout an archive package uses, so that every byte of a package is accounted for: entries stored (no
/// compression), UTF-8 names (flag 11), made by Unix 2.0 as regular files rw-r--r--, version 2.0 needed, one timestamp (the build time, China time) for
/// all, no extra fields, no comments, no data descriptors, the local headers back to back from offset 0, then the
/// central directory in the same order, then the end record. Any ZIP tool reads it; the verifier accepts nothing else.
/// No ZIP64: each file and the package stay under 4 GiB (<see cref="MaxSize"/>).
/// </summary>
internal static class ArchiveZip
{
    public const uint LocalSignature = 0x04034b50;
    public const uint CentralSignature = 0x02014b50;
    public const uint EndSignature = 0x06054b50;
    public const ushort Version = 20;

    /// <summary>Made by Unix (3), version 2.0: so that ZIP tools take the names as UTF-8 rather than an MS-DOS code page.</summary>
    public const ushort MadeBy = (3 << 8) | Version;

    /// <summary>A regular file, rw-r--r-- (the Unix mode in the high 16 bits).</summary>
    public const uint FileAttributes = 0x81A4u << 16;
    public const ushort Utf8Flag = 0x0800;
    public const int LocalHeaderLength = 30;
    public const int CentralHeaderLength = 46;
    public const int EndLength = 22;
    public const long MaxSize = uint.MaxValue - 1;
    public const int MaxEntries = ushort.MaxValue - 1;

    public static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>The MS-DOS date and time of an instant in China time (2-second resolution).</summary>
    public static (ushort Time, ushort Date) DosTime(DateTimeOffset instant)
    {
        var local = instant.ToOffset(TimeSpan.FromHours(8));
        var year = Math.Clamp(local.Year, 1980, 2107);
        var date = (ushort)(((year - 1980) << 9) | (local.Month << 5) | local.Day);
        var time = (ushort)((local.Hour << 11) | (local.Minute << 5) | (local.Second / 2));
        return (time, date);
    }

    public static byte[] LocalHeader(byte[] name, ushort time, ushort date, uint crc, uint size)
    {
        var header = new byte[LocalHeaderLength + name.Length];
        var span = header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, LocalSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], Utf8Flag);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], time);
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], date);
        BinaryPrimitives.WriteUInt32LittleEndian(span[14..], crc);
        BinaryPrimitives.WriteUInt32LittleEndian(span[18..], size);
        BinaryPrimitives.WriteUInt32LittleEndian(span[22..], size);
        BinaryPrimitives.WriteUInt16LittleEndian(span[26..], (ushort)name.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], 0);
        name.CopyTo(span[LocalHeaderLength..]);
        return header;
    }

    public static byte[] CentralHeader(byte[] name, ushort time, ushort date, uint crc, uint size, uint offset)
    {
        var header = new byte[CentralHeaderLength + name.Length];
        var span = header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, CentralSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], MadeBy);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], Utf8Flag);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], time);
        BinaryPrimitives.WriteUInt16LittleEndian(span[14..], date);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], crc);
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], size);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], size);
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], (ushort)name.Length);
        // Extra field, comment, disk number and internal attributes: all zero.
        BinaryPrimitives.WriteUInt32LittleEndian(span[38..], FileAttributes);
        BinaryPrimitives.WriteUInt32LittleEndian(span[42..], offset);
        name.CopyTo(span[CentralHeaderLength..]);
        return header;
    }

    public static byte[] End(int count, uint centralSize, uint centralOffset)
    {
        var end = new byte[EndLength];
        var span = end.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, EndSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], (ushort)count);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], (ushort)count);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], centralSize);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], centralOffset);
        return end;
    }
}
