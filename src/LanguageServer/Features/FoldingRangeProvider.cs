using System.Text.RegularExpressions;
using VirtLang.Language.Syntax;
using VirtLang.Language.Text;
using VirtLang.LanguageServer.Protocol;
using VirtLang.LanguageServer.Workspace;

namespace VirtLang.LanguageServer.Features;

/// <summary>
/// Folding from the tree alone: every block, list and profile call that spans lines (the closing bracket stays
/// visible when it starts its line, as in C# and JSON), runs of line comments and block comments, and
/// <c>// region</c> ... <c>// endregion</c> markers. A client that asks for folding ranges uses only these, so the
/// markers of language-configuration.json are honoured here too. One pass over the tokens: brackets pair as the
/// parser paired them (it supplies a missing opener or closer, which folds nothing), and only trivia with a slash
/// are read.
/// </summary>
internal static partial class FoldingRangeProvider
{
    public static IReadOnlyList<FoldingRange> Ranges(OpenDocument document)
    {
        var text = document.Text;
        var ranges = new List<(int Start, int End, FoldingRangeKind? Kind)>();
        var comments = new CommentRanges(text, ranges);
        var open = new Stack<(SyntaxKind Closer, int Line, bool Missing)>();
        foreach (var token in document.Tree.Root.DescendantTokens())
        {
            if (token.FullSpan.Length != token.Span.Length)
            {
                comments.Read(token.LeadingTrivia);
                comments.Read(token.TrailingTrivia);
            }

            switch (token.Kind)
            {
                case SyntaxKind.OpenBrace or SyntaxKind.OpenBracket or SyntaxKind.OpenParen:
                    // Missing openers are pushed too: their (missing) closers must pair with them, not with an outer one.
                    open.Push((Closer(token.Kind), Line(text, token.Span.Start), token.IsMissing));
                    break;
                case SyntaxKind.CloseBrace or SyntaxKind.CloseBracket or SyntaxKind.CloseParen:
                    Close(ranges, text, open, token);
                    break;
            }
        }

        comments.Finish();
        return [.. ranges
            .Distinct()
            .OrderBy(r => r.Start).ThenByDescending(r => r.End)
            .Select(r => new FoldingRange(r.Start, r.End, r.Kind))];
    }

    private static SyntaxKind Closer(SyntaxKind opener) => opener switch
    {
        SyntaxKind.OpenBrace => SyntaxKind.CloseBrace,
        SyntaxKind.OpenBracket => SyntaxKind.CloseBracket,
        _ => SyntaxKind.CloseParen,
    };

    private static void Close(List<(int, int, FoldingRangeKind?)> ranges, SourceText text, Stack<(SyntaxKind Closer, int Line, bool Missing)> open, SyntaxToken close)
    {
        // Pair with the nearest opener of the same kind; openers the parser left unclosed in between are dropped.
        while (open.TryPop(out var opener))
        {
            if (opener.Closer != close.Kind)
            {
                continue;
            }

            if (close.IsMissing || opener.Missing)
            {
                return; // an unfinished block has no end (or no start) to fold to
            }

            var end = Line(text, close.Span.Start);
            if (IsFirstOnLine(text, close.Span.Start))
            {
                end--;
            }

            if (end > opener.Line)
            {
                ranges.Add((opener.Line, end, null));
            }

            return;
        }
    }

    private static int Line(SourceText text, int offset) => Positions.LineAndCharacter(text, offset).Line;

    private static bool IsFirstOnLine(SourceText text, int offset)
    {
        var lineStart = offset - Positions.LineAndCharacter(text, offset).Character;
        return text.Text.AsSpan(lineStart, offset - lineStart).IsWhiteSpace();
    }

    /// <summary>Block comments, runs of whole-line comments, and region markers, read in source order.</summary>
    private sealed class CommentRanges(SourceText text, List<(int, int, FoldingRangeKind?)> ranges)
    {
        private readonly Stack<int> _regions = new();
        private int _runStart = -1;
        private int _runEnd = -1;

        public void Read(SyntaxTriviaList trivia)
        {
            // Most trivia are spaces and line breaks: only a slash can start a comment.
            if (trivia.IsEmpty || !text.Text.AsSpan(trivia.Span.Start, trivia.Span.Length).Contains('/'))
            {
                return;
            }

            foreach (var one in trivia)
            {
                if (one.IsComment)
                {
                    Add(one);
                }
            }
        }

        public void Finish() => AddRun();

        private void Add(SyntaxTrivia comment)
        {
            var line = Line(text, comment.Span.Start);
            if (comment.Kind == SyntaxKind.MultiLineCommentTrivia)
            {
                var last = Line(text, comment.Span.End);
                if (last > line)
                {
                    ranges.Add((line, last, FoldingRangeKind.Comment));
                }

                return;
            }

            if (!IsFirstOnLine(text, comment.Span.Start))
            {
                return; // a comment after code neither starts nor continues a run
            }

            var value = comment.Text;
            if (RegionStart().IsMatch(value))
            {
                _regions.Push(line);
            }
            else if (RegionEnd().IsMatch(value))
            {
                if (_regions.TryPop(out var start) && line > start)
                {
                    ranges.Add((start, line, FoldingRangeKind.Region));
                }
            }
            else if (_runStart >= 0 && line == _runEnd + 1)
            {
                _runEnd = line;
            }
            else
            {
                AddRun();
                _runStart = _runEnd = line;
            }
        }

        private void AddRun()
        {
            if (_runStart >= 0 && _runEnd > _runStart)
            {
                ranges.Add((_runStart, _runEnd, FoldingRangeKind.Comment));
            }
        }
    }

    [GeneratedRegex(@"^//\s*#?region\b", RegexOptions.CultureInvariant)]
    private static partial Regex RegionStart();

    [GeneratedRegex(@"^//\s*#?endregion\b", RegexOptions.CultureInvariant)]
    private static partial Regex RegionEnd();
}
