using VirtLang.Language.Diagnostics;

namespace VirtLang.LanguageServer.Features;

/// <summary>Where a name stands in the document: its declaration (written there) or a use of it (read there).</summary>
internal sealed record DocumentHighlight(Location Location, bool IsDeclaration);
