using System.Collections.Immutable;

namespace VirtLang.Language.Diagnostics;

/// <summary>
/// An obvious fix carried by a diagnostic as data (a did-you-mean, a missing attribute to add): the editor offers it
/// as a quick fix, SARIF writes it as a <c>fix</c>. The edits are applied together.
/// </summary>
public sealed record DiagnosticFix(string Title, ImmutableArray<TextEdit> Edits)
{
    public static DiagnosticFix Replace(string title, Location location, string newText) => new(title, [new TextEdit(location, newText)]);
}
