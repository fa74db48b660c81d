using System.Globalization;
using System.Text;
using VirtLang.Language.Text;

namespace VirtLang.Language.Syntax;

/// <summary>Readable, stable text forms of tokens and trees: the baseline files and `vdl` debugging output.</summary>
public static class SyntaxDumper
{
    /// <summary>One line per token: position, kind, text, and its trivia.</summary>
    public static string DumpTokens(IEnumerable<SyntaxToken> tokens)
    {
        var sb = new StringBuilder();
        foreach (var token in tokens)
        {
            var p = token.Source.GetLinePosition(token.Span.Start);
            sb.Append(CultureInfo.InvariantCulture, $"{p.Line}:{p.Column} {token.Kind} {Quote(token.Text)}");
            AppendTrivia(sb, " leading:", token.LeadingTrivia);
            AppendTrivia(sb, " trailing:", token.TrailingTrivia);
            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The tree, one node or token per line, indented; skipped tokens and missing tokens are shown.</summary>
    public static string DumpTree(SyntaxNode root)
    {
        var sb = new StringBuilder();
        var stack = new Stack<(SyntaxElement Element, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            sb.Append(' ', depth * 2);
            if (element.Token is { } token)
            {
                foreach (var t in token.LeadingTrivia)
                {
                    if (t.Kind == SyntaxKind.SkippedTokensTrivia)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"skipped {Quote(t.Text)} {Position(t.Source, t.Span.Start)}\n");
                        sb.Append(' ', depth * 2);
                    }
                }

                var text = token.IsMissing ? "<missing>" : Quote(token.Text);
                sb.Append(CultureInfo.InvariantCulture, $"{token.Kind} {text} {Position(token.Source, token.Span.Start)}\n");
                continue;
            }

            var node = element.Node!;
            var span = node.Span;
            var source = node.GetFirstToken()?.Source ?? throw new InvalidOperationException("a node without tokens");
            sb.Append(CultureInfo.InvariantCulture, $"{node.Kind} {Position(source, span.Start)}-{Position(source, span.End)}\n");
            var children = node.ChildElements().ToList();
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push((children[i], depth + 1));
            }
        }

        return sb.ToString();
    }

    private static string Position(SourceText source, int offset) => source.GetLinePosition(offset).ToString();

    private static void AppendTrivia(StringBuilder sb, string label, SyntaxTriviaList trivia)
    {
        if (trivia.IsEmpty)
        {
            return;
        }

        sb.Append(label);
        foreach (var t in trivia)
        {
            var name = t.Kind.ToString();
            sb.Append(' ').Append(name.AsSpan(0, name.Length - "Trivia".Length)).Append(' ').Append(Quote(t.Text));
        }
    }

    /// <summary>A double-quoted, escaped form of any text, truncated to keep huge tokens readable.</summary>
    public static string Quote(string text) => Quote(text, 80);

    /// <summary>A double-quoted, escaped form of text, cut after <paramref name="max"/> characters.</summary>
    public static string Quote(string text, int max)
    {
        var sb = new StringBuilder("\"");
        var n = Math.Min(text.Length, max);
        for (var i = 0; i < n; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c == '\uFFFD')
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        if (text.Length > max)
        {
            sb.Append(CultureInfo.InvariantCulture, $"…(+{text.Length - max})");
        }

        return sb.Append('"').ToString();
    }
}
