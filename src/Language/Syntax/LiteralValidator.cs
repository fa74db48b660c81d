using VirtLang.Language.Diagnostics;
using VirtLang.Language.Literals;
using VirtLang.Language.Text;

namespace VirtLang.Language.Syntax;

/// <summary>
/// Checks the strings that hold versions and version constraints with their micro-grammar, pointing at the offending
/// character inside the string. Which attributes hold them is part of the language (docs/language.md):
/// <c>version</c>, <c>kernel</c> and <c>patch</c> hold a version, except inside a <c>requires</c> block where they hold
/// a constraint; the level of a scenario's <c>patch</c> action is a version.
/// </summary>
internal static class LiteralValidator
{
    public static void Validate(CompilationUnitSyntax root, SourceText text, DiagnosticBag diagnostics)
    {
        foreach (var node in root.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case BlockSyntax block:
                    var isRequires = block.KindName == "requires";
                    foreach (var attribute in block.Attributes)
                    {
                        if (SyntaxFacts.VersionAttributes.Contains(attribute.Name.Text)
                            && attribute.Value is LiteralExpressionSyntax { Literal: { Kind: SyntaxKind.StringLiteral, IsMissing: false } literal })
                        {
                            Check(literal, isRequires, text, diagnostics);
                        }
                    }

                    break;
                case PatchActionSyntax { Level: { Kind: SyntaxKind.StringLiteral, IsMissing: false } level }:
                    Check(level, constraint: false, text, diagnostics);
                    break;
            }
        }
    }

    private static void Check(SyntaxToken literal, bool constraint, SourceText text, DiagnosticBag diagnostics)
    {
        var raw = literal.Text;
        if (raw.Length < 2 || raw[^1] != '"')
        {
            return; // unterminated: already reported
        }

        var content = raw[1..^1];
        var error = constraint ? VersionGrammar.ParseConstraint(content).Error : VersionGrammar.ParseVersion(content).Error;
        if (error is null)
        {
            return;
        }

        var start = literal.Span.Start + 1 + error.Offset;
        diagnostics.Add(new Diagnostic(error.Descriptor, new Location(text, new TextSpan(start, error.Length)), error.Arguments));
    }
}
