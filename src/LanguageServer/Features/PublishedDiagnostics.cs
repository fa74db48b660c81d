using VirtLang.Language.Diagnostics;

namespace VirtLang.LanguageServer.Features;

/// <summary>A document's diagnostics as published: for the version of its text they were checked on (null when a closed document's are cleared).</summary>
internal sealed record PublishedDiagnostics(string Uri, int? Version, IReadOnlyList<Diagnostic> Diagnostics);
