using VirtLang.Compiler.Sources;
using VirtLang.Language.Text;

namespace VirtLang.LanguageServer.Workspace;

/// <summary>The files of a model as the editor sees them: an open document's current text, else the file on disk.</summary>
internal sealed class OverlaySourceProvider(IReadOnlyDictionary<string, OpenDocument> open) : ISourceProvider
{
    public bool TryRead(string path, out SourceText? text, out string? reason)
    {
        if (open.TryGetValue(Identity(path), out var document))
        {
            text = SourceText.From(document.Text.Text, path);
            reason = null;
            return true;
        }

        return FileSystemSourceProvider.Instance.TryRead(path, out text, out reason);
    }

    public string Identity(string path) => DocumentUri.Normalize(path);

    public bool AppliesConfiguration => true;
}
