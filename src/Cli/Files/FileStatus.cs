using System.Runtime.InteropServices;

namespace VirtLang.Cli.Files;

/// <summary>What kind of thing a path names, as <c>stat</c> sees it.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,

    /// <summary>A FIFO, a character or block device, or a socket: written to in place, never replaced.</summary>
    Special,
}

/// <summary>
/// A file's kind, identity (device and inode: the same file through a symbolic or a hard link) and number of hard
/// links. On Linux it comes from <c>statx</c>, whose structure is the same on every architecture; elsewhere only the
/// kind is known (from .NET), and <see cref="Identity"/> is null, so callers fall back to comparing canonical paths.
/// </summary>
internal readonly record struct FileStatus(FileKind Kind, (ulong Device, ulong Inode)? Identity, uint LinkCount)
{
    public static readonly FileStatus Missing = new(FileKind.Missing, null, 0);

    /// <summary>The status of <paramref name="path"/>, of the link itself when <paramref name="followLinks"/> is false.</summary>
    public static FileStatus Of(string path, bool followLinks = true)
    {
        if (OperatingSystem.IsLinux() && Statx.TryGet(path, followLinks) is { } status)
        {
            return status;
        }

        return Portable(path, followLinks);
    }

    private static FileStatus Portable(string path, bool followLinks)
    {
        var info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path))
        {
            return info.LinkTarget is not null && !followLinks ? new(FileKind.SymbolicLink, null, 1) : Missing;
        }

        if (!followLinks && info.LinkTarget is not null)
        {
            return new(FileKind.SymbolicLink, null, 1);
        }

        return new(Directory.Exists(path) ? FileKind.Directory : FileKind.Regular, null, 1);
    }

    /// <summary>statx(2): glibc 2.28 and later; on an older libc or another failure the portable answer is used.</summary>
    private static class Statx
    {
        private const int AtFdCwd = -100;
        private const int AtSymlinkNoFollow = 0x100;
        private const uint BasicStats = 0x7ff;

        // Offsets in struct statx (linux/stat.h), the same on every architecture.
        private const int NlinkOffset = 16;
        private const int ModeOffset = 28;
        private const int InodeOffset = 32;
        private const int DevMajorOffset = 136;
        private const int DevMinorOffset = 140;
        private const int Size = 256;

        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        private static extern int NativeStatx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

        public static FileStatus? TryGet(string path, bool followLinks)
        {
            var buffer = new byte[Size];
            try
            {
                if (NativeStatx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, BasicStats, buffer) != 0)
                {
                    // ENOENT or ENOTDIR: nothing there; anything else (EACCES...) is left to the portable answer.
                    var errno = Marshal.GetLastPInvokeError();
                    return errno is 2 or 20 ? Missing : null;
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return null;
            }

            var mode = BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000;
            var kind = mode switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0xA000 => FileKind.SymbolicLink,
                _ => FileKind.Special,
            };
            var device = ((ulong)BitConverter.ToUInt32(buffer, DevMajorOffset) << 32) | BitConverter.ToUInt32(buffer, DevMinorOffset);
            return new FileStatus(kind, (device, BitConverter.ToUInt64(buffer, InodeOffset)), BitConverter.ToUInt32(buffer, NlinkOffset));
        }
    }
}
