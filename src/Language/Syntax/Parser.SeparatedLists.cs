using System.Collections.Immutable;
using VirtLang.Language.Diagnostics;

namespace VirtLang.Language.Syntax;

/// <summary>
/// List literals and calls: both are elements separated by commas up to a closing token, parsed by one loop
/// (<see cref="ParseSeparatedElements"/>) with one recovery. The element parsers are structs, so that the loop is
/// compiled once per element kind and the lazy one-token path of lists costs no call through a delegate.
/// </summary>
internal sealed partial class Parser
{
    private ListExpressionSyntax ParseList()
    {
        var open = Take();
        if (TooDeep(open, SyntaxKind.OpenBracket, SyntaxKind.CloseBracket, "list") is { } skippedClose)
        {
            return new ListExpressionSyntax(open, default, skippedClose);
        }

        var elements = _expressions.Rent();
        var separators = _separators.Rent();
        var listElements = new ListElementParser(open);
        ParseSeparatedElements(ref listElements, elements, separators, SyntaxKind.CloseBracket, namedArgumentsAllowed: false,
            "`,` between list elements");
        _depth--;
        var close = Current.Kind == SyntaxKind.CloseBracket
            ? Take()
            : Missing(SyntaxKind.CloseBracket, $"`]` to close the list opened at line {LineOf(open)}");
        if (listElements.AllOneToken)
        {
            // The tokens alternate in the store between the brackets: the list makes its nodes when asked.
            _expressions.Return(elements);
            _separators.Return(separators);
            return new ListExpressionSyntax(open, close);
        }

        return new ListExpressionSyntax(
            open,
            new SeparatedSyntaxList<ExpressionSyntax>(_expressions.ToImmutableAndReturn(elements), _separators.ToImmutableAndReturn(separators)),
            close);
    }

    private CallExpressionSyntax ParseCall(SyntaxToken name)
    {
        var open = Take();
        if (TooDeep(open, SyntaxKind.OpenParen, SyntaxKind.CloseParen, "call") is { } skippedClose)
        {
            return new CallExpressionSyntax(name, open, default, skippedClose);
        }

        var arguments = _arguments.Rent();
        var separators = _separators.Rent();
        // Right after `(` or `,` a line may start with a named argument (`weekday = 40%,`): that is not a new member.
        var argumentParser = default(ArgumentParser);
        ParseSeparatedElements(ref argumentParser, arguments, separators, SyntaxKind.CloseParen, namedArgumentsAllowed: true,
            "`,` between arguments");
        _depth--;
        var close = Current.Kind == SyntaxKind.CloseParen
            ? Take()
            : Missing(SyntaxKind.CloseParen, $"`)` to close the call of `{name.Text}` opened at line {LineOf(open)}");
        return new CallExpressionSyntax(
            name,
            open,
            new SeparatedSyntaxList<ArgumentSyntax>(_arguments.ToImmutableAndReturn(arguments), _separators.ToImmutableAndReturn(separators)),
            close);
    }

    /// <summary>
    /// Enters a list or call whose opener was just taken; past <see cref="MaxDepth"/> everything up to the balancing
    /// closer is skipped with VDL0030 and the closer (written or missing) is returned, otherwise null.
    /// </summary>
    private SyntaxToken? TooDeep(SyntaxToken open, SyntaxKind openKind, SyntaxKind closeKind, string what)
    {
        if (++_depth <= MaxDepth)
        {
            return null;
        }

        Report(SyntaxDiagnostics.NestingTooDeep, open.Span, MaxDepth, what);
        SkipBalanced(openKind, closeKind);
        _depth--;
        return Current.Kind == closeKind ? Take() : _store.AddMissing(closeKind, _previousEnd);
    }

    /// <summary>
    /// Elements separated by commas, up to <paramref name="closeKind"/> (left current) or wherever an unclosed list
    /// must stop (<see cref="EndsSequence"/>). A trailing comma is allowed; a comma missing between two elements
    /// is a missing token with one diagnostic; a token no element can start with is reported once and skipped. So
    /// there are as many separators as elements, or one fewer.
    /// </summary>
    private void ParseSeparatedElements<TNode, TElementParser>(
        ref TElementParser elementParser,
        ImmutableArray<TNode>.Builder elements,
        ImmutableArray<SyntaxToken>.Builder separators,
        SyntaxKind closeKind,
        bool namedArgumentsAllowed,
        string missingSeparator)
        where TNode : SyntaxNode
        where TElementParser : struct, ISeparatedElementParser<TNode>
    {
        while (Current.Kind != closeKind && !EndsSequence(namedArgumentsAllowed))
        {
            var before = Current.Start;
            elementParser.ParseElement(this, elements);
            if (Current.Start == before)
            {
                // Nothing was consumed (an unexpected token, already reported): skip it to make progress.
                SkipToken();
            }

            if (Current.Kind == SyntaxKind.Comma)
            {
                separators.Add(Take());
                continue;
            }

            if (Current.Kind == closeKind || EndsSequence())
            {
                break;
            }

            separators.Add(Missing(SyntaxKind.Comma, missingSeparator));
        }
    }

    /// <summary>Where an unclosed list or call must stop: a brace, the end, or a new line that starts a member.</summary>
    private bool EndsSequence(bool namedArgumentsAllowed = false)
    {
        var current = Current;
        return current.Kind is SyntaxKind.CloseBrace or SyntaxKind.EndOfFile or SyntaxKind.OpenBrace
            || (current.FirstOnLine && current.Kind == SyntaxKind.Identifier
                && (Peek(1).Kind == SyntaxKind.OpenBrace || (Peek(1).Kind == SyntaxKind.Equals && !namedArgumentsAllowed)));
    }

    /// <summary>Parses one element of a separated list into <c>elements</c> (or, for a lazy list, only takes its token).</summary>
    private interface ISeparatedElementParser<TNode>
        where TNode : SyntaxNode
    {
        void ParseElement(Parser parser, ImmutableArray<TNode>.Builder elements);
    }

    /// <summary>
    /// A list's elements. While every element is one name or literal, only the tokens are taken (the list makes the
    /// nodes when asked); an element of another shape makes the nodes of the ones before it, and the list is built whole.
    /// </summary>
    private struct ListElementParser(SyntaxToken open) : ISeparatedElementParser<ExpressionSyntax>
    {
        private int _oneTokenElements;

        public bool AllOneToken { get; private set; } = true;

        public void ParseElement(Parser parser, ImmutableArray<ExpressionSyntax>.Builder elements)
        {
            if (AllOneToken && parser.IsOneTokenExpression())
            {
                parser.Take();
                _oneTokenElements++;
                return;
            }

            if (AllOneToken)
            {
                AllOneToken = false;
                for (var i = 0; i < _oneTokenElements; i++)
                {
                    // Elements and separators alternate in the store after `[`.
                    elements.Add(ExpressionSyntax.OfOneToken(new SyntaxToken(open.Store, open.Index + 1 + (2 * i))));
                }
            }

            elements.Add(parser.ParseExpression());
        }
    }

    /// <summary>A call's argument: <c>NAME = VALUE</c> or a value alone.</summary>
    private struct ArgumentParser : ISeparatedElementParser<ArgumentSyntax>
    {
        public readonly void ParseElement(Parser parser, ImmutableArray<ArgumentSyntax>.Builder elements)
        {
            SyntaxToken? name = null;
            SyntaxToken? equalsToken = null;
            if (parser.Current.Kind == SyntaxKind.Identifier && parser.Peek(1).Kind == SyntaxKind.Equals)
            {
                name = parser.Take();
                equalsToken = parser.Take();
            }

            elements.Add(new ArgumentSyntax(name, equalsToken, parser.ParseExpression()));
        }
    }
}
