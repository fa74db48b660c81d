namespace VirtLang.LanguageServer.Features;

/// <summary>Edits across documents, applied together (a quick fix, a rename), one entry per document in the order given.</summary>
internal sealed record WorkspaceEdit(IReadOnlyList<DocumentEdits> Documents);
