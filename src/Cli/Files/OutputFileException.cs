namespace VirtLang.Cli.Files;

/// <summary>An output could not be written: the user's path and why, in words (exit code 2).</summary>
internal sealed class OutputFileException(string path, string reason) : IOException($"{path}: {reason}")
{
    public string Path { get; } = path;

    public string Reason { get; } = reason;
}
