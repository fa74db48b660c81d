using VirtLang.Compiler;
using VirtLang.LanguageServer.Workspace;

namespace VirtLang.LanguageServer.Tests;

/// <summary>A model opened in a workspace of its own, as the server holds it, for the features' typed results (no JSON, no session).</summary>
internal sealed class OpenedModel
{
    public const string Uri = "file:///models/lab.vdl";

    public OpenedModel(string text, string uri = Uri)
    {
        Workspace.Open(uri, text, version: 1);
        Document = Workspace.Get(uri);
    }

    public ModelWorkspace Workspace { get; } = new();

    public OpenDocument Document { get; }

    public ModelCompilation Compilation => Workspace.CompilationOf(Document);

    /// <summary>The offset of the first <paramref name="marker"/> in the text, plus <paramref name="delta"/>.</summary>
    public int OffsetOf(string marker, int delta = 0) => Document.Text.Text.IndexOf(marker, StringComparison.Ordinal) + delta;

    /// <summary>The text a span covers.</summary>
    public string TextOf(Language.Text.TextSpan span) => Document.Text.ToString(span);
}
