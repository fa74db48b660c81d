namespace VirtLang.Language.Diagnostics;

/// <summary>
/// The cap on what one file reports, whatever the severity: a file of 300,000 unknown attributes would otherwise
/// print 600,000 diagnostics (90 MB of JSON) that nobody reads. A file past the cap keeps its first
/// <see cref="Max"/> diagnostics, errors before warnings before infos, and one more (VDL0035) says how many were left
/// out; it takes the highest severity among them, so a file whose dropped diagnostics hold an error still fails.
/// </summary>
public static class DiagnosticsPerFile
{
    /// <summary>
    /// 500: more than anyone reads and fixes at once, above the parser's 200 errors (VDL0031) so that those leave room
    /// for the checker's findings, and small enough that an editor's problem list and a JSON report stay quick.
    /// </summary>
    public const int Max = 500;

    /// <summary>The diagnostics with each file's beyond <see cref="Max"/> replaced by one summary (in no particular order).</summary>
    public static IEnumerable<Diagnostic> Cap(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var file in diagnostics.GroupBy(d => d.Location.Path, StringComparer.Ordinal))
        {
            var all = file.ToList();
            if (all.Count <= Max)
            {
                foreach (var diagnostic in all)
                {
                    yield return diagnostic;
                }

                continue;
            }

            var ranked = all.Select((d, i) => (Diagnostic: d, Index: i))
                .OrderBy(p => Rank(p.Diagnostic.Severity))
                .ThenBy(p => p.Diagnostic, DiagnosticOrder.Instance)
                .ThenBy(p => p.Index)
                .Select(p => p.Diagnostic)
                .ToList();
            foreach (var kept in ranked.Take(Max))
            {
                yield return kept;
            }

            var dropped = ranked.Skip(Max).ToList();
            var first = dropped.Min(DiagnosticOrder.Instance)!;
            var severity = dropped.Max(d => d.Severity);
            yield return new Diagnostic(SyntaxDiagnostics.TooManyDiagnostics, first.Location,
                [dropped.Count, Breakdown(dropped), Max], severity: severity);
        }
    }

    private static int Rank(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => 0,
        DiagnosticSeverity.Warning => 1,
        _ => 2,
    };

    /// <summary>"3 errors, 1 warning": the dropped diagnostics by severity.</summary>
    private static string Breakdown(List<Diagnostic> dropped) =>
        string.Join(", ", dropped.GroupBy(d => Rank(d.Severity)).OrderBy(g => g.Key).Select(g =>
            $"{g.Count()} {(g.Key, g.Count() == 1) switch
            {
                (0, true) => "error",
                (0, false) => "errors",
                (1, true) => "warning",
                (1, false) => "warnings",
                (_, true) => "info",
                _ => "infos",
            }}"));
}
