using VirtLang.Language.Diagnostics;
using VirtLang.Language.Literals;
using VirtLang.Language.Text;

namespace VirtLang.Language.Syntax;

/// <summary>
/// Checks the strings that hold versions and version constraints with their micro-grammar, pointing at the offending
/// character inside the string. Which attributes hold them is part of the language (docs/language.md):
/// <c>version</c>, <c>kernel</c> and <c>patch</c> hold a version, except inside a <c>requires</c> block where they hold
/// a constraint; the level of a scenario's <c>patch</c> action is a version. The parser calls it as it goes,
/// so no second walk over the tree is needed.
/// </summary>
internal sealed class LiteralValidator(SourceText text, DiagnosticBag diagnostics)
{
    private readonly LiteralCache<LiteralError?> _versions = new(content => VersionGrammar.ParseVersion(content).Error);
    private readonly LiteralCache<LiteralError?> _constraints = new(content => VersionGrammar.ParseConstraint(content).Error);

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

        if ((constraint ? _constraints : _versions).Get(raw[1..^1]) is { } error)
        {
            var start = span.Start + 1 + error.Offset;
            diagnostics.Add(new Diagnostic(error.Descriptor, new Location(text, new TextSpan(start, error.Length)), error.Arguments));
        }
    }
}
