using System.Text;
using VirtLang.Language.Text;

namespace VirtLang.Language.Syntax;

/// <summary>
/// An immutable node of the full-fidelity tree. Every character of the source belongs to exactly one token or trivia
/// below the root, so concatenating them gives the input back.
/// </summary>
public abstract class SyntaxNode
{
    public abstract SyntaxKind Kind { get; }

    /// <summary>The children in source order (absent optional parts are left out).</summary>
    public abstract IEnumerable<SyntaxElement> ChildElements();

    /// <summary>From the first token's text to the last token's text, without surrounding trivia.</summary>
    public TextSpan Span
    {
        get
        {
            return GetFirstToken() is { } first && GetLastToken() is { } last
                ? TextSpan.FromBounds(first.Span.Start, Math.Max(first.Span.Start, last.Span.End))
                : default;
        }
    }

    public TextSpan FullSpan
    {
        get
        {
            return GetFirstToken() is { } first && GetLastToken() is { } last
                ? TextSpan.FromBounds(first.FullSpan.Start, last.FullSpan.End)
                : default;
        }
    }

    public IEnumerable<SyntaxNode> ChildNodes()
    {
        foreach (var child in ChildElements())
        {
            if (child.Node is { } node)
            {
                yield return node;
            }
        }
    }

    /// <summary>Every token below this node, in order; iterative, so depth costs nothing.</summary>
    public IEnumerable<SyntaxToken> DescendantTokens()
    {
        var stack = new Stack<IEnumerator<SyntaxElement>>();
        stack.Push(ChildElements().GetEnumerator());
        while (stack.Count > 0)
        {
            var e = stack.Peek();
            if (!e.MoveNext())
            {
                e.Dispose();
                stack.Pop();
                continue;
            }

            if (e.Current.Token is { } token)
            {
                yield return token;
            }
            else if (e.Current.Node is { } node)
            {
                stack.Push(node.ChildElements().GetEnumerator());
            }
        }
    }

    /// <summary>This node and every node below it, parents before children.</summary>
    public IEnumerable<SyntaxNode> DescendantNodesAndSelf()
    {
        var stack = new Stack<SyntaxNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            var children = node.ChildNodes().ToList();
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }

    public SyntaxToken? GetFirstToken()
    {
        foreach (var child in ChildElements())
        {
            if (child.Token is { } token)
            {
                return token;
            }

            if (child.Node?.GetFirstToken() is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    public SyntaxToken? GetLastToken()
    {
        SyntaxToken? last = null;
        foreach (var child in ChildElements())
        {
            if (child.Token is { } token)
            {
                last = token;
            }
            else if (child.Node?.GetLastToken() is { } inner)
            {
                last = inner;
            }
        }

        return last;
    }

    /// <summary>The exact source text of this node, trivia included, rebuilt from its tokens.</summary>
    public string ToFullString()
    {
        var sb = new StringBuilder();
        foreach (var token in DescendantTokens())
        {
            token.WriteFullTo(sb);
        }

        return sb.ToString();
    }

    public override string ToString() => ToFullString();
}
