using VirtLang.Language.Diagnostics;

namespace VirtLang.Cli.Rendering;

/// <summary>Prints a model's diagnostics in one format. Front doors render; they never re-check.</summary>
internal interface IDiagnosticRenderer
{
    void Render(IReadOnlyList<Diagnostic> diagnostics, int fileCount, TextWriter output);
}
