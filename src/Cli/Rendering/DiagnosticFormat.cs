namespace VirtLang.Cli.Rendering;

/// <summary>How diagnostics are printed: for people, for MSBuild-style tools, as JSON lines, or as SARIF.</summary>
internal enum DiagnosticFormat
{
    Text,
    MSBuild,
    Json,
    Sarif,
}
