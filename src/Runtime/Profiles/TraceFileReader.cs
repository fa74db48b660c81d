using System.Text;
using VirtLang.Runtime.Files;

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

        if (FileStatus.Of(file.FullName).Kind is var kind && kind is not (FileKind.Regular or FileKind.Missing))
        {
            throw new TraceFormatException(path, $"is {FileStatus.Describe(kind)}, not a regular file");
        }

        if (file.Length > TraceProfile.MaxFileBytes)
        {
            throw new TraceFormatException(path, $"is {file.Length:N0} bytes, more than the {TraceProfile.MaxFileBytes:N0} a trace may have");
        }

        try
        {
            using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            if (BoundedRead.ToEnd(stream, TraceProfile.MaxFileBytes) is not { } bytes)
            {
                throw new TraceFormatException(path, $"is more than the {TraceProfile.MaxFileBytes:N0} bytes a trace may have");
            }

            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TraceFormatException(path, $"cannot be read: {e.Message}");
        }
    }
}
