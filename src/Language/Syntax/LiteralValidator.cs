using VirtLang.Language.Diagnostics;
using VirtLang.Language.Literals;
using VirtLang.Language.Text;

namespace VirtLang.Language.Syntax;

/// <summary>
/// Checks the strings that hold versions and version constraints with their micro-grammar, pointing at the offending
/// character inside the string. Which attributes hold them is part of the language (docs/language.md):
/// <c>version</c>, <c>kernel</c> and <c>patch</c> hold a version, except inside a <c>requires</c> block where they hold
/// a constraint; the level of a scenario's <c>patch</c> action is a version. The parser calls it as it goes,
/// so no second walk over the tree is needed, and the value parsed stays in the tree's <see cref="LiteralValueTable"/>
/// for the later stages (<see cref="SyntaxToken.AsVersion"/>, <see cref="SyntaxToken.AsConstraint"/>).
/// </summary>
internal sealed class LiteralValidator(SourceText text, LiteralValueTable literals, DiagnosticBag diagnostics)
{
    public static bool HoldsVersion(SyntaxToken attributeName)
    {
        var name = attributeName.Source.Text.AsSpan(attributeName.Span.Start, attributeName.Span.Length);
        return name is "version" or "kernel" or "patch";
    }

    public static bool IsRequires(SyntaxToken blockKind) =>
        blockKind.Source.Text.AsSpan(blockKind.Span.Start, blockKind.Span.Length) is "requires";

    /// <summary>Checks one string literal as a version or a constraint; reports at the offending character.</summary>
    public void Check(SyntaxToken literal, bool constraint)
    {
        var span = literal.Span;
        var raw = text.Text.AsSpan(span.Start, span.Length);
        if (!SyntaxFacts.IsTerminatedString(raw))
        {
            return; // unterminated: already reported
        }

        // The text as written, not unescaped: the error's offset must land on the source. Without a backslash (every
        // well-formed version) that is the string's value, the same entry the later stages read.
        var content = raw[1..^1];
        var error = constraint ? literals.ConstraintOf(content).Error : literals.VersionOf(content).Error;
        if (error is not null)
        {
            var start = span.Start + 1 + error.Offset;
            diagnostics.Add(new Diagnostic(error.Descriptor, new Location(text, new TextSpan(start, error.Length)), error.Arguments));
        }
    }
}
