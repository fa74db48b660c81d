namespace VirtLang.Cli.Rendering;

/// <summary>How diagnostics are printed: for people, for MSBuild-style tools, or as JSON lines.</summary>
internal enum DiagnosticFormat
{
    Text,
    MSBuild,
    Json,
}
