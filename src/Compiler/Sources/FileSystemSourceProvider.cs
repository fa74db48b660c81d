using VirtLang.Language.Text;

namespace VirtLang.Compiler.Sources;

/// <summary>
/// Files on disk, read by <see cref="SourceFileReader"/> (regular files only, within the size limit); a file's
/// identity is its canonical path, so one file reached through symbolic links or two spellings is loaded once.
/// </summary>
public sealed class FileSystemSourceProvider : ISourceProvider
{
    public static readonly FileSystemSourceProvider Instance = new();

    public bool TryRead(string path, out SourceText? text, out SourceReadFailure? failure) =>
        SourceFileReader.TryRead(path, out text, out failure);

    /// <summary>The canonical path; a path through a loop of links keeps its full path (reading it fails anyway).</summary>
    public string Identity(string path) => CanonicalPath.Resolve(path) ?? Path.GetFullPath(path);

    public bool AppliesConfiguration => true;
}
