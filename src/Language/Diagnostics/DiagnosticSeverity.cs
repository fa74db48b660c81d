namespace VirtLang.Language.Diagnostics;

/// <summary>How much a diagnostic matters. <see cref="None"/> means suppressed (for example by configuration).</summary>
public enum DiagnosticSeverity
{
    None = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}
