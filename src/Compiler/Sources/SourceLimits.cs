namespace VirtLang.Compiler.Sources;

/// <summary>
/// The bounds on what a model may read (docs/limits.md, "Source files and imports"): a file or a model past them is
/// refused with a diagnostic before it is read, so a hostile import costs neither memory nor time.
/// </summary>
public static class SourceLimits
{
    /// <summary>
    /// One file, in bytes: 16 MiB, some 400,000 lines of VDL, far past any model a person writes (the largest
    /// example is a few KB) and small enough that the file, its text and its syntax tree fit in a few hundred MB.
    /// </summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    /// <summary>
    /// All the files of one model, in characters of text: 64 MiB, four files at the limit; a model of many files
    /// stays as cheap to check as a few large ones.
    /// </summary>
    public const long MaxModelCharacters = 64L * 1024 * 1024;
}
