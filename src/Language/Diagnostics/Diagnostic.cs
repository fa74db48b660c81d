using System.Collections.Immutable;

namespace VirtLang.Language.Diagnostics;

/// <summary>One reported problem: a descriptor, a location, the arguments of its message and optional related places.</summary>
public sealed class Diagnostic
{
    public Diagnostic(
        DiagnosticDescriptor descriptor,
        Location location,
        IReadOnlyList<object>? arguments = null,
        ImmutableArray<RelatedLocation> relatedLocations = default,
        DiagnosticSeverity? severity = null,
        ImmutableArray<DiagnosticFix> fixes = default)
    {
        Descriptor = descriptor;
        Location = location;
        Arguments = arguments ?? [];
        RelatedLocations = relatedLocations.IsDefault ? [] : relatedLocations;
        Severity = severity ?? descriptor.DefaultSeverity;
        Fixes = fixes.IsDefault ? [] : fixes;
        MessageFormatArity.Verify(descriptor, Arguments);
        Message = descriptor.FormatMessage(Arguments);
    }

    public DiagnosticDescriptor Descriptor { get; }

    public string Code => Descriptor.Code;

    public Location Location { get; }

    public IReadOnlyList<object> Arguments { get; }

    public ImmutableArray<RelatedLocation> RelatedLocations { get; }

    /// <summary>Obvious fixes, as data for the editor's quick fixes and SARIF.</summary>
    public ImmutableArray<DiagnosticFix> Fixes { get; }

    /// <summary>The effective severity (configuration may change the descriptor's default).</summary>
    public DiagnosticSeverity Severity { get; }

    public string Message { get; }

    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The same diagnostic at another severity (configuration changes severities, never messages).</summary>
    public Diagnostic WithSeverity(DiagnosticSeverity severity) =>
        new(Descriptor, Location, Arguments, RelatedLocations, severity, Fixes);

    /// <summary>The canonical one-line form, as MSBuild and most tools print it.</summary>
    public override string ToString()
    {
        var start = Location.Start;
        return $"{Location.Path}({start.Line},{start.Column}): {SeverityWord(Severity)} {Code}: {Message}";
    }

    public static string SeverityWord(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };
}
