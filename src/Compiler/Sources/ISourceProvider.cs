using VirtLang.Language.Text;

namespace VirtLang.Compiler.Sources;

/// <summary>
/// Where a model's files come from: the file system for the CLI and MSBuild; the editor's open documents for the
/// language server; memory for tests and the built-in examples.
/// </summary>
public interface ISourceProvider
{
    /// <summary>Reads the file at <paramref name="path"/> (as the model names it), or says why it cannot.</summary>
    bool TryRead(string path, out SourceText? text, out SourceReadFailure? failure);

    /// <summary>The file's identity, so that one file reached by two spellings of its path is loaded once.</summary>
    string Identity(string path);

    /// <summary>Whether the files live in folders, where the nearest vdlconfig.json sets their severities (memory has none).</summary>
    bool AppliesConfiguration => false;
}
