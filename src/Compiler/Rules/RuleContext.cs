using VirtLang.Compiler.Symbols;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Syntax;

namespace VirtLang.Compiler.Rules;

/// <summary>What a rule family works with: the bound model, its placements, and where to report.</summary>
internal sealed class RuleContext(SemanticModel model, List<Diagnostic> diagnostics, IReadOnlyList<Placement> placements)
{
    public SemanticModel Model { get; } = model;

    /// <summary>Every place an application runs, in model order.</summary>
    public IReadOnlyList<Placement> Placements { get; } = placements;

    public void Report(DiagnosticDescriptor descriptor, Location location, object[] arguments, params RelatedLocation[] related) =>
        diagnostics.Add(new Diagnostic(descriptor, location, arguments, [.. related]));

    /// <summary>Reports with the fixes that make the diagnostic go away (an editor's quick fixes, the JSON and SARIF "fixes").</summary>
    public void Report(DiagnosticDescriptor descriptor, Location location, object[] arguments, DiagnosticFix[] fixes) =>
        diagnostics.Add(new Diagnostic(descriptor, location, arguments, fixes: [.. fixes]));

    /// <summary>Where <paramref name="app"/> is named in a place's <c>runs</c> list, else the place's declaration.</summary>
    public static Location RunsEntry(ModelSymbol place, ApplicationSymbol app)
    {
        if (place.View.Find("runs") is var (file, attribute) && attribute.ValueView.Node is ListExpressionSyntax list)
        {
            for (var i = 0; i < list.ElementCount; i++)
            {
                if (list.ElementView(i).Identifier is { } identifier && identifier.TextEquals(app.Name))
                {
                    return new Location(file.Tree.Text, identifier.Span);
                }
            }
        }

        return place.Declaration;
    }
}
