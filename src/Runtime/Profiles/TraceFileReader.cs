using System.Runtime.InteropServices;
using System.Text;

namespace VirtLang.Runtime.Profiles;

/// <summary>
/// Reads a trace file's text for <see cref="TraceProfile.Load"/>, refusing what is not a regular file before opening
/// it: a FIFO would block the open (and a language server with it), a device such as <c>/dev/zero</c> never ends.
/// Links are followed to what they name. At most <see cref="TraceProfile.MaxFileBytes"/> are read, even if the file
/// grows between the check and the read. Every refusal is a <see cref="TraceFormatException"/> that names the file.
/// </summary>
internal static class TraceFileReader
{
    public static string ReadText(string path)
    {
        if (path.Length == 0)
        {
            throw new TraceFormatException(path, "the file name is empty");
        }

        FileInfo file;
        try
        {
            file = new FileInfo(path);
            if (file.LinkTarget is not null && file.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target)
            {
                file = target;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new TraceFormatException(path, $"cannot be read: {e.Message}");
        }

        if (Directory.Exists(file.FullName))
        {
            throw new TraceFormatException(path, "is a directory, not a file");
        }

        if (!file.Exists)
        {
            throw new TraceFormatException(path, $"no such file ({file.FullName})");
        }

        if (FileType.Of(file.FullName) is { } kind && kind != FileType.Regular)
        {
            throw new TraceFormatException(path, $"is {FileType.Describe(kind)}, not a regular file");
        }

        if (file.Length > TraceProfile.MaxFileBytes)
        {
            throw new TraceFormatException(path, $"is {file.Length:N0} bytes, more than the {TraceProfile.MaxFileBytes:N0} a trace may have");
        }

        try
        {
            using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            var bytes = new byte[Math.Min(TraceProfile.MaxFileBytes + 1, Math.Max(4096, file.Length + 1))];
            var length = 0;
            int read;
            while (length < bytes.Length && (read = stream.Read(bytes, length, bytes.Length - length)) > 0)
            {
                length += read;
                if (length == bytes.Length && length <= TraceProfile.MaxFileBytes)
                {
                    Array.Resize(ref bytes, (int)Math.Min(TraceProfile.MaxFileBytes + 1, bytes.Length * 2L));
                }
            }

            if (length > TraceProfile.MaxFileBytes)
            {
                throw new TraceFormatException(path, $"is more than the {TraceProfile.MaxFileBytes:N0} bytes a trace may have");
            }

            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(bytes, 0, length).TrimStart('\uFEFF');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TraceFormatException(path, $"cannot be read: {e.Message}");
        }
    }

    /// <summary>
    /// The kind of a file as <c>stat</c> tells it (links followed), through the runtime's own native shim
    /// (<c>SystemNative_Stat</c>, whose status starts with two 32-bit fields, flags then mode): .NET's file API shows a
    /// FIFO or a device as a normal empty file. Null where it cannot tell (Windows, or a host without the shim): there
    /// the size check still refuses what never ends, and Windows has no FIFOs in its file system.
    /// </summary>
    private static class FileType
    {
        public const int Regular = 0x8000;
        private const int Mask = 0xF000;

        public static int? Of(string path)
        {
            if (OperatingSystem.IsWindows())
            {
                return null;
            }

            try
            {
                return NativeMethods.Stat(path, out var status) == 0 ? status.Mode & Mask : null;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return null;
            }
        }

        public static string Describe(int kind) => kind switch
        {
            0x1000 => "a FIFO (named pipe)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            0x4000 => "a directory",
            _ => "a special file",
        };
    }

    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }

    private static class NativeMethods
    {
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);
    }
}
