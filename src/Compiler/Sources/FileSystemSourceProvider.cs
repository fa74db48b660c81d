using VirtLang.Language.Text;

namespace VirtLang.Compiler.Sources;

/// <summary>Files on disk. A path that names a directory, or nothing, is a reason, not an exception.</summary>
public sealed class FileSystemSourceProvider : ISourceProvider
{
    public static readonly FileSystemSourceProvider Instance = new();

    public bool TryRead(string path, out SourceText? text, out string? reason)
    {
        text = null;
        if (Directory.Exists(path))
        {
            reason = "it is a directory, not a file";
            return false;
        }

        if (!File.Exists(path))
        {
            reason = $"no such file ({Path.GetFullPath(path)})";
            return false;
        }

        try
        {
            text = SourceDecoder.ReadFile(path);
            reason = null;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reason = e.Message;
            return false;
        }
    }

    public string Identity(string path) => Path.GetFullPath(path);

    public bool AppliesConfiguration => true;
}
