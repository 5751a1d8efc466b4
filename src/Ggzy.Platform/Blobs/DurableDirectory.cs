using System.Runtime.InteropServices;

namespace Ggzy.Platform.Blobs;

/// <summary>
/// Makes a directory's entries durable: after a file is created or renamed in it, the file's data may be on disk while
/// its name is not, until the directory itself is flushed (fsync on the directory, POSIX). No-op on Windows, where
/// NTFS journals the name with the file.
/// </summary>
public static partial class DurableDirectory
{
    private const int ReadOnly = 0;
    private const int DirectoryOnly = 0x10000; // O_DIRECTORY on Linux

    public static void Flush(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fd = Open(directory, OperatingSystem.IsLinux() ? ReadOnly | DirectoryOnly : ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"Cannot open directory {directory} to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync of directory {directory} failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
