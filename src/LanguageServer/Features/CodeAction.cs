using VirtLang.Language.Diagnostics;

namespace VirtLang.LanguageServer.Features;

/// <summary>A quick fix for <paramref name="Diagnostic"/>: its <paramref name="Title"/> in the editor's menu and the <paramref name="Edit"/> that applying it makes.</summary>
internal sealed record CodeAction(string Title, Diagnostic Diagnostic, WorkspaceEdit Edit)
{
    /// <summary>Whether the fix is the one to apply (the diagnostic's only fix); null when it is not said (silencing a diagnostic).</summary>
    public bool? IsPreferred { get; init; }
}
