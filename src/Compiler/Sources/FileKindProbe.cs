using System.Runtime.InteropServices;

namespace VirtLang.Compiler.Sources;

/// <summary>
/// The kind of file a path names, asked of the file system without opening it: opening a FIFO blocks until a writer
/// comes, and a device such as /dev/zero never ends, so a reader must know before it opens. .NET has no public API
/// for the file type, so on Unix this asks the runtime's own native shim (libSystem.Native, shipped with every .NET
/// runtime), whose status block starts with two ints, flags then mode, and whose mode carries the POSIX type bits.
/// </summary>
public static class FileKindProbe
{
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int Directory = 0x4000;
    private const int BlockDevice = 0x6000;
    private const int RegularFile = 0x8000;
    private const int Socket = 0xC000;

    /// <summary>The kind of what <paramref name="path"/> names, symbolic links followed (as opening would).</summary>
    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return OfWindowsPath(path);
        }

        NativeFileStatus status;
        try
        {
            if (NativeMethods.Stat(path, out status) != 0)
            {
                return FileKind.Missing;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A runtime without the shim: only what managed code can tell; the size cap still bounds the read.
            return OfWindowsPath(path);
        }

        return (status.Mode & TypeMask) switch
        {
            RegularFile => FileKind.RegularFile,
            Directory => FileKind.Directory,
            Fifo => FileKind.Fifo,
            CharacterDevice => FileKind.CharacterDevice,
            BlockDevice => FileKind.BlockDevice,
            Socket => FileKind.Socket,
            _ => FileKind.Other,
        };
    }

    /// <summary>How a kind reads in a sentence: "it is a FIFO (named pipe), not a file".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a directory",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Missing => "nothing",
        FileKind.RegularFile => "a regular file",
        _ => "a special file",
    };

    private static FileKind OfWindowsPath(string path)
    {
        if (System.IO.Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        if (!File.Exists(path))
        {
            return FileKind.Missing;
        }

        try
        {
            return (File.GetAttributes(path) & FileAttributes.Device) != 0 ? FileKind.CharacterDevice : FileKind.RegularFile;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FileKind.Missing; // gone since it was seen
        }
    }

    /// <summary>The runtime's FileStatus: flags and mode come first; the rest (sizes, times, inode) is room to spare.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct NativeFileStatus
    {
        public int Flags;
        public int Mode;
    }

    private static class NativeMethods
    {
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
        public static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out NativeFileStatus status);
    }
}
