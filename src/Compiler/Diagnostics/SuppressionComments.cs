using VirtLang.Language.Diagnostics;
using VirtLang.Language.Syntax;

namespace VirtLang.Compiler.Diagnostics;

/// <summary>
/// <c>// vdl-disable-next-line VDL1010 VDL2001</c> silences those codes on the line after the comment (codes separated
/// by spaces or commas; none listed silences every code there). Only comments in the file itself count. A diagnostic
/// that guards the run (<see cref="DiagnosticDescriptor.GuardsTheRun"/>) is never silenced: check must not pass what
/// run refuses.
/// </summary>
public static class SuppressionComments
{
    /// <summary>The word after <c>//</c> that silences the next line (the editor's quick fix writes it too).</summary>
    public const string Directive = "vdl-disable-next-line";

    /// <summary>The diagnostics that no comment silences.</summary>
    internal static IEnumerable<Diagnostic> Apply(IEnumerable<Diagnostic> diagnostics, IEnumerable<ModelFile> files)
    {
        // Only files that mention the directive are read for it (a vectorized search, not a walk of every trivia),
        // and only when one of their diagnostics asks.
        var withDirective = files
            .Where(f => f.Tree.Text.Text.Contains(Directive, StringComparison.Ordinal))
            .ToDictionary(f => f.Tree.Text, f => new Lazy<Dictionary<int, HashSet<string>>>(() => Collect(f)));
        return diagnostics.Where(d =>
            d.Descriptor.GuardsTheRun
            || !withDirective.TryGetValue(d.Location.Source, out var silenced)
            || !silenced.Value.TryGetValue(d.Location.Start.Line, out var codes)
            || (codes.Count > 0 && !codes.Contains(d.Code)));
    }

    /// <summary>Line → the codes silenced on it (an empty set: every code).</summary>
    private static Dictionary<int, HashSet<string>> Collect(ModelFile file)
    {
        var silenced = new Dictionary<int, HashSet<string>>();
        foreach (var token in file.Tree.Tokens)
        {
            foreach (var trivia in token.LeadingTrivia.Concat(token.TrailingTrivia))
            {
                if (trivia.Kind != SyntaxKind.SingleLineCommentTrivia)
                {
                    continue;
                }

                var text = trivia.Text.AsSpan(2).Trim();
                if (!text.StartsWith(Directive, StringComparison.Ordinal))
                {
                    continue;
                }

                var line = file.Tree.Text.GetLinePosition(trivia.Span.Start).Line + 1;
                var codes = silenced.TryGetValue(line, out var existing) ? existing : silenced[line] = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var code in text[Directive.Length..].ToString().Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries))
                {
                    codes.Add(code);
                }
            }
        }

        return silenced;
    }
}
