namespace VirtLang.Compiler;

/// <summary>
/// A file named by the user could not be read at all (missing, a directory, no permission): a usage or I/O error
/// (exit code 2), as opposed to a diagnostic in a file that was read.
/// </summary>
public sealed class ModelFileException(string path, string reason) : Exception($"{path}: {reason}")
{
    public string Path { get; } = path;

    public string Reason { get; } = reason;
}
