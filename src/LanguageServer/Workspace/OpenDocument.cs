using VirtLang.Language.Syntax;
using VirtLang.Language.Text;

namespace VirtLang.LanguageServer.Workspace;

/// <summary>A document the client has open: its text as the editor has it now, the client's version, and its tree (parsed when first asked).</summary>
internal sealed class OpenDocument(string uri, string path, string text, int version)
{
    private SyntaxTree? _tree;

    public string Uri { get; } = uri;

    public string Path { get; } = path;

    public SourceText Text { get; private set; } = SourceText.From(text, path);

    public int Version { get; private set; } = version;

    public SyntaxTree Tree => _tree ??= SyntaxTree.Parse(Text);

    /// <summary>Whether a location of the compiler's (which spells paths as the model wrote them) is in this document.</summary>
    public bool Contains(Language.Diagnostics.Location location) => DocumentUri.Normalize(location.Path) == Path;

    public void Update(string text, int version)
    {
        Text = SourceText.From(text, Path);
        Version = version;
        _tree = null;
    }
}
