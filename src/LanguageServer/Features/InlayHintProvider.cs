using VirtLang.Compiler.Schema;
using VirtLang.Language.Syntax;
using VirtLang.Language.Text;
using VirtLang.LanguageServer.Workspace;

namespace VirtLang.LanguageServer.Features;

/// <summary>
/// Inlay hints: the parameter a positional profile argument stands for (<c>constant(level: 50%)</c>), as C# and
/// TypeScript show parameter names, so <c>spiky(10%, 80%)</c> reads without the table of profiles at hand. From the
/// tree alone, for the calls in the range the editor shows (only the top-level blocks it overlaps are walked).
/// </summary>
internal static class InlayHintProvider
{
    /// <summary>The hints of the calls in <paramref name="range"/>, the text the editor shows.</summary>
    public static IReadOnlyList<InlayHint> Hints(OpenDocument document, TextSpan range)
    {
        var (from, to) = (range.Start, range.End);
        var hints = new List<InlayHint>();
        var visible = document.Tree.Root.Blocks.Where(b => b.FullSpan.End >= from && b.FullSpan.Start <= to);
        foreach (var call in visible.SelectMany(b => b.DescendantNodesAndSelf()).OfType<CallExpressionSyntax>())
        {
            if (call.Span.End < from || call.Span.Start > to || !ProfileSignatures.All.TryGetValue(call.Name.Text, out var parameters))
            {
                continue;
            }

            for (var i = 0; i < call.Arguments.Count && i < parameters.Count; i++)
            {
                var argument = call.Arguments[i];
                if (argument.Name is not null || argument.Value is MissingExpressionSyntax || argument.Value.Span.Length == 0)
                {
                    continue; // a named argument says it already; a missing one has nothing to label
                }

                hints.Add(new InlayHint(argument.Value.Span.Start, parameters[i].Name + ":", parameters[i].Help));
            }
        }

        return hints;
    }
}
