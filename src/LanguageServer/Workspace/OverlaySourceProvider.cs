using VirtLang.Compiler.Sources;
using VirtLang.Language.Text;

namespace VirtLang.LanguageServer.Workspace;

/// <summary>
/// The files of a model as the editor sees them: an open document's current text, else the file on disk (read as the
/// compiler reads it: regular files only, within the size limit; <c>/dev/stdin</c> is the server's own protocol
/// stream and is never opened).
/// </summary>
internal sealed class OverlaySourceProvider(IReadOnlyDictionary<string, OpenDocument> open) : ISourceProvider
{
    public bool TryRead(string path, out SourceText? text, out SourceReadFailure? failure)
    {
        if (open.TryGetValue(Identity(path), out var document))
        {
            text = SourceText.From(document.Text.Text, path);
            failure = null;
            return true;
        }

        return FileSystemSourceProvider.Instance.TryRead(path, out text, out failure);
    }

    /// <summary>
    /// An open document by the path the client gave it; any other file by its canonical path (links resolved), so that
    /// links cannot make one file many; an <c>untitled:</c> document is its own name.
    /// </summary>
    public string Identity(string path)
    {
        var normalized = DocumentUri.Normalize(path);
        if (open.ContainsKey(normalized) || !Path.IsPathRooted(normalized))
        {
            return normalized;
        }

        return FileSystemSourceProvider.Instance.Identity(normalized);
    }

    public bool AppliesConfiguration => true;
}
