using VirtLang.Language.Diagnostics;

namespace VirtLang.LanguageServer.Features;

/// <summary>A named block found by Go to Symbol in Workspace: its name's <paramref name="Location"/>, and the named block that holds it, if any (<c>host h1</c>).</summary>
internal sealed record WorkspaceSymbol(string Name, SymbolKind Kind, Location Location, string? ContainerName);
