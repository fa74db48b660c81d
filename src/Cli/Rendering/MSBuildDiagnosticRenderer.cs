using VirtLang.Language.Diagnostics;

namespace VirtLang.Cli.Rendering;

/// <summary>The canonical <c>file(line,col): error CODE: message</c> form, one per line, that MSBuild and editors parse.</summary>
internal sealed class MSBuildDiagnosticRenderer : IDiagnosticRenderer
{
    public void Render(IReadOnlyList<Diagnostic> diagnostics, int fileCount, TextWriter output)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.WriteLine(TerminalText.Sanitize(diagnostic.ToString()));
        }
    }
}
