using System.Runtime.InteropServices;

namespace VirtLang.Runtime.Files;

/// <summary>
/// A file's kind, identity (device and inode: the same file through a symbolic or a hard link) and number of hard
/// links, asked of the file system without opening the file: opening a FIFO blocks until a writer comes and a device
/// such as /dev/zero never ends, so every reader of untrusted paths (model files, imports, traces, cache entries,
/// outputs) asks here first. .NET's file API shows a FIFO or a device as an empty regular file, so on Linux this calls
/// <c>statx</c>, whose structure is the same on every architecture; on other Unix systems the runtime's own native
/// shim (<c>SystemNative_Stat</c>, whose status starts with flags then mode), which gives the kind only; on Windows, or
/// where neither answers, what managed code can tell. Where the identity is unknown it is null, and callers compare
/// canonical paths instead.
/// </summary>
public readonly record struct FileStatus(FileKind Kind, (ulong Device, ulong Inode)? Identity, uint LinkCount)
{
    public static readonly FileStatus Missing = new(FileKind.Missing, null, 0);

    /// <summary>A FIFO, a device, a socket or another special file: never replaced, never read as a model.</summary>
    public bool IsSpecial => Kind is FileKind.Fifo or FileKind.CharacterDevice or FileKind.BlockDevice or FileKind.Socket or FileKind.Other;

    /// <summary>The status of <paramref name="path"/>; of the link itself when <paramref name="followLinks"/> is false.</summary>
    public static FileStatus Of(string path, bool followLinks = true)
    {
        if (path.Length == 0)
        {
            return Missing;
        }

        if (OperatingSystem.IsLinux() && Statx.TryGet(path, followLinks) is { } linux)
        {
            return linux;
        }

        if (!OperatingSystem.IsWindows() && followLinks && RuntimeShim.TryGet(path) is { } unix)
        {
            return unix;
        }

        return Portable(path, followLinks);
    }

    /// <summary>How a kind reads in a sentence: "it is a FIFO (named pipe), not a file".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a directory",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Missing => "nothing",
        _ => "a special file",
    };

    private static FileKind KindOfMode(int mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.SymbolicLink,
        0x1000 => FileKind.Fifo,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        _ => FileKind.Other,
    };

    private static FileStatus Portable(string path, bool followLinks)
    {
        try
        {
            var info = new FileInfo(path);
            if (!followLinks && info.LinkTarget is not null)
            {
                return new(FileKind.SymbolicLink, null, 1);
            }

            if (Directory.Exists(path))
            {
                return new(FileKind.Directory, null, 1);
            }

            if (!info.Exists)
            {
                return Missing;
            }

            return new((info.Attributes & FileAttributes.Device) != 0 ? FileKind.CharacterDevice : FileKind.Regular, null, 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Missing; // unreadable or gone since it was named
        }
    }

    /// <summary>statx(2): glibc 2.28 and later; on an older libc or another failure the next answer is used.</summary>
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
                    // ENOENT, ENOTDIR or ELOOP: nothing readable there; anything else (EACCES...) is left to the next answer.
                    return Marshal.GetLastPInvokeError() is 2 or 20 or 40 ? Missing : null;
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return null;
            }

            var device = ((ulong)BitConverter.ToUInt32(buffer, DevMajorOffset) << 32) | BitConverter.ToUInt32(buffer, DevMinorOffset);
            return new FileStatus(KindOfMode(BitConverter.ToUInt16(buffer, ModeOffset)), (device, BitConverter.ToUInt64(buffer, InodeOffset)),
                BitConverter.ToUInt32(buffer, NlinkOffset));
        }
    }

    /// <summary>The runtime's own stat (links followed): its status block starts with two ints, flags then mode.</summary>
    private static class RuntimeShim
    {
        [StructLayout(LayoutKind.Sequential, Size = 256)]
        private struct NativeFileStatus
        {
            public int Flags;
            public int Mode;
        }

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
        private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out NativeFileStatus status);

        public static FileStatus? TryGet(string path)
        {
            try
            {
                return Stat(path, out var status) == 0 ? new FileStatus(KindOfMode(status.Mode), null, 1) : Missing;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return null;
            }
        }
    }
}
