using VirtLang.Language.Diagnostics;

namespace VirtLang.LanguageServer.Features;

/// <summary>The edits of a <see cref="WorkspaceEdit"/> in one document, named by its URI, in the order they are listed.</summary>
internal sealed record DocumentEdits(string Uri, IReadOnlyList<TextEdit> Edits);
