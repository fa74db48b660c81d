using VirtLang.Language.Diagnostics;

namespace VirtLang.Compiler.Configuration;

/// <summary>What a vdlconfig.json says: a severity per code (<see cref="DiagnosticSeverity.None"/> silences the code).</summary>
public sealed record VdlConfiguration(IReadOnlyDictionary<string, DiagnosticSeverity> Severities)
{
    public static readonly VdlConfiguration Default = new(new Dictionary<string, DiagnosticSeverity>());

    /// <summary>The diagnostic at its configured severity, or null when the configuration silences it.</summary>
    public Diagnostic? Apply(Diagnostic diagnostic)
    {
        if (!Severities.TryGetValue(diagnostic.Code, out var severity))
        {
            return diagnostic;
        }

        return severity == DiagnosticSeverity.None ? null : diagnostic.WithSeverity(severity);
    }
}
