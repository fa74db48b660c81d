using System.Collections.Immutable;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Literals;
using VirtLang.Language.Text;

namespace VirtLang.Language.Syntax;

/// <summary>
/// Turns text into tokens with trivia. Never fails: a character that starts no token becomes a <see cref="SyntaxKind.BadToken"/>
/// for the parser to report. Numbers and quantities are parsed by their micro-grammar here, once per distinct text, into
/// the tree's <see cref="LiteralValueTable"/>, where every later stage reads their values.
/// </summary>
internal sealed class Lexer
{
    private readonly string _text;
    private readonly SourceText _source;
    private readonly DiagnosticBag _diagnostics;
    private readonly LiteralValueTable _literals;
    private int _position;
    private bool _atLineStart = true;

    public Lexer(SourceText source, LiteralValueTable literals, DiagnosticBag diagnostics)
    {
        _source = source;
        _text = source.Text;
        _literals = literals;
        _diagnostics = diagnostics;
    }

    public RawToken Next()
    {
        var fullStart = _position;
        SkipTrivia(trailing: false);
        var firstOnLine = _atLineStart;
        _atLineStart = false;

        var start = _position;
        var kind = LexTokenBody();
        var width = _position - start;

        if (kind != SyntaxKind.EndOfFile)
        {
            SkipTrivia(trailing: true);
        }

        return new RawToken(kind, start, width, fullStart, _position, firstOnLine);
    }

    private SyntaxKind LexTokenBody()
    {
        if (_position >= _text.Length)
        {
            return SyntaxKind.EndOfFile;
        }

        var c = _text[_position];
        switch (c)
        {
            case '{': _position++; return SyntaxKind.OpenBrace;
            case '}': _position++; return SyntaxKind.CloseBrace;
            case '[': _position++; return SyntaxKind.OpenBracket;
            case ']': _position++; return SyntaxKind.CloseBracket;
            case '(': _position++; return SyntaxKind.OpenParen;
            case ')': _position++; return SyntaxKind.CloseParen;
            case ',': _position++; return SyntaxKind.Comma;
            case ':': _position++; return SyntaxKind.Colon;
            case ';': _position++; return SyntaxKind.Semicolon;
            case '=': _position++; return SyntaxKind.Equals;
            case '-': _position++; return SyntaxKind.Minus;
            // Comparisons, for `expect` statements: `>=` and `<=` are one token each.
            case '>': return Comparison(SyntaxKind.GreaterThan, SyntaxKind.GreaterThanEquals);
            case '<': return Comparison(SyntaxKind.LessThan, SyntaxKind.LessThanEquals);
            case '"': return LexString();
            case '.' when Peek(1) == '.': _position += 2; return SyntaxKind.DotDot;
        }

        if (c is >= '0' and <= '9')
        {
            return LexNumber();
        }

        if (SyntaxFacts.IsIdentifierStart(c))
        {
            LexIdentifier();
            return SyntaxKind.Identifier;
        }

        // A run of characters that start nothing becomes one bad token, so that garbage gives one diagnostic.
        do
        {
            _position += char.IsHighSurrogate(_text[_position]) && _position + 1 < _text.Length ? 2 : 1;
        }
        while (_position < _text.Length && StartsNothing(_text[_position]));

        return SyntaxKind.BadToken;
    }

    private bool StartsNothing(char c) =>
        c is not ('{' or '}' or '[' or ']' or '(' or ')' or ',' or ':' or ';' or '=' or '-' or '"' or '/' or '<' or '>')
        && !(c is >= '0' and <= '9')
        && !SyntaxFacts.IsIdentifierStart(c)
        && !char.IsWhiteSpace(c)
        && !(c == '.' && Peek(1) == '.');

    private SyntaxKind Comparison(SyntaxKind strict, SyntaxKind orEqual)
    {
        var withEquals = Peek(1) == '=';
        _position += withEquals ? 2 : 1;
        return withEquals ? orEqual : strict;
    }

    private void LexIdentifier()
    {
        var text = _text;
        var p = _position + 1;
        while (p < text.Length && SyntaxFacts.IsIdentifierPart(text[p]))
        {
            p++;
        }

        // A '-' may not end a name: `x-` is the name x and a minus.
        while (text[p - 1] == '-')
        {
            p--;
        }

        _position = p;
    }

    private SyntaxKind LexNumber()
    {
        var text = _text;
        var start = _position;
        var p = _position;
        var hasUnit = false;
        while (true)
        {
            while (p < text.Length && (char.IsAsciiDigit(text[p]) || text[p] == '_'))
            {
                p++;
            }

            if (p + 1 < text.Length && text[p] == '.' && char.IsAsciiDigit(text[p + 1]))
            {
                p++;
                while (p < text.Length && (char.IsAsciiDigit(text[p]) || text[p] == '_'))
                {
                    p++;
                }
            }

            var unitStart = p;
            if (p < text.Length && text[p] == '%')
            {
                p++;
            }
            else
            {
                while (p < text.Length && char.IsLetter(text[p]))
                {
                    p++;
                }

                if (p > unitStart && p + 1 < text.Length && text[p] == '/' && char.IsLetter(text[p + 1]))
                {
                    p++;
                    while (p < text.Length && char.IsLetter(text[p]))
                    {
                        p++;
                    }
                }
            }

            hasUnit |= p > unitStart;

            // Time literals chain: 4d12h. Another number glued to a unit continues the literal.
            if (p > unitStart && p < text.Length && char.IsAsciiDigit(text[p]))
            {
                continue;
            }

            break;
        }

        _position = p;
        CheckLiteral(start, p - start);
        return hasUnit ? SyntaxKind.QuantityLiteral : SyntaxKind.NumberLiteral;
    }

    private void CheckLiteral(int start, int length)
    {
        if (_literals.QuantityOf(_text.AsSpan(start, length)).Error is { } error)
        {
            var offset = Math.Min(start + error.Offset, start + length);
            var errorLength = Math.Min(error.Length, start + length - offset);
            var location = new Location(_source, new TextSpan(offset, errorLength));
            var fixes = error.Replacement is { } replacement
                ? [DiagnosticFix.Replace($"Change to `{replacement}`", location, replacement)]
                : ImmutableArray<DiagnosticFix>.Empty;
            _diagnostics.Add(new Diagnostic(error.Descriptor, location, error.Arguments, fixes: fixes));
        }
    }

    private SyntaxKind LexString()
    {
        var text = _text;
        var start = _position;
        var p = _position + 1;
        while (true)
        {
            if (p >= text.Length || text[p] is '\n' or '\r')
            {
                _diagnostics.Add(SyntaxDiagnostics.UnterminatedString, _source, new TextSpan(start, 1));
                break;
            }

            var c = text[p];
            if (c == '"')
            {
                p++;
                break;
            }

            if (c == '\\')
            {
                if (p + 1 < text.Length && text[p + 1] is '"' or '\\')
                {
                    p += 2;
                    continue;
                }

                if (p + 1 < text.Length && text[p + 1] is not ('\n' or '\r'))
                {
                    _diagnostics.Add(SyntaxDiagnostics.InvalidEscape, _source, new TextSpan(p, 2), text[p + 1].ToString());
                    p += 2;
                    continue;
                }
            }

            p++;
        }

        _position = p;
        return SyntaxKind.StringLiteral;
    }

    /// <summary>
    /// Leading trivia: everything up to the token. Trailing trivia: white space and comments up to and including the
    /// end of the line, so that a comment after a token stays with it. Only the extent is kept: trivia are re-read
    /// from the text when asked.
    /// </summary>
    private void SkipTrivia(bool trailing)
    {
        var text = _text;
        while (_position < text.Length)
        {
            var start = _position;
            var kind = TriviaScanner.Scan(text, start, out var end);
            if (kind == SyntaxKind.None)
            {
                return;
            }

            _position = end;
            if (kind == SyntaxKind.EndOfLineTrivia)
            {
                _atLineStart = true;
                if (trailing)
                {
                    return;
                }
            }
            else if (kind == SyntaxKind.MultiLineCommentTrivia && (end - start < 4 || text[end - 1] != '/' || text[end - 2] != '*'))
            {
                _diagnostics.Add(SyntaxDiagnostics.UnterminatedComment, _source, new TextSpan(start, 2));
            }
        }
    }

    private char Peek(int offset)
    {
        var p = _position + offset;
        return p < _text.Length ? _text[p] : '\0';
    }
}
