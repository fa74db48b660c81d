using System.Collections;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using VirtLang.Language.Text;

namespace VirtLang.Language.Syntax;

/// <summary>
/// The elements of a list literal or the arguments of a call with the commas between them, as Roslyn's
/// <c>SeparatedSyntaxList&lt;TNode&gt;</c>: element i is followed by separator i when there is one, so there are
/// as many separators as elements (a trailing comma) or one fewer. A separator the parser synthesized (a missing
/// comma) is a missing token. Enumerating gives the elements only; <see cref="GetWithSeparators"/> gives both, in
/// source order. A small value over two arrays that the list's node owns: copying it copies nothing.
/// </summary>
public readonly struct SeparatedSyntaxList<TNode> : IReadOnlyList<TNode>, IEquatable<SeparatedSyntaxList<TNode>>
    where TNode : SyntaxNode
{
    private readonly TNode[]? _nodes;
    private readonly SyntaxToken[]? _separators;

    /// <summary>A list of <paramref name="nodes"/> with <paramref name="separators"/> after them: as many, or one fewer.</summary>
    public SeparatedSyntaxList(ImmutableArray<TNode> nodes, ImmutableArray<SyntaxToken> separators)
        : this(ImmutableCollectionsMarshal.AsArray(nodes) ?? [], ImmutableCollectionsMarshal.AsArray(separators) ?? [])
    {
        if (SeparatorCount != Count && SeparatorCount != Count - 1 && !(Count == 0 && SeparatorCount == 0))
        {
            throw new ArgumentException(
                $"{Count} element(s) take {Math.Max(Count - 1, 0)} or {Count} separator(s), not {SeparatorCount}.",
                nameof(separators));
        }
    }

    private SeparatedSyntaxList(TNode[] nodes, SyntaxToken[] separators)
    {
        _nodes = nodes;
        _separators = separators;
    }

    public static SeparatedSyntaxList<TNode> Empty => default;

    /// <summary>Unchecked: the arrays are a list node's own, right by construction and never changed afterwards.</summary>
    internal static SeparatedSyntaxList<TNode> OfArrays(TNode[] nodes, SyntaxToken[] separators) => new(nodes, separators);

    internal TNode[] NodeArray => _nodes ?? [];

    internal SyntaxToken[] SeparatorArray => _separators ?? [];

    /// <summary>The number of elements.</summary>
    public int Count => _nodes?.Length ?? 0;

    /// <summary>The number of separators, written or missing: <see cref="Count"/> with a trailing comma, otherwise one fewer (0 when empty).</summary>
    public int SeparatorCount => _separators?.Length ?? 0;

    /// <summary>Whether the last element is followed by a written comma.</summary>
    public bool HasTrailingSeparator => Count > 0 && SeparatorCount == Count && !_separators![^1].IsMissing;

    public TNode this[int index] => (_nodes ?? [])[index];

    /// <summary>The separator after element <paramref name="index"/>.</summary>
    public SyntaxToken GetSeparator(int index) => (_separators ?? [])[index];

    public ImmutableArray<SyntaxToken> GetSeparators() => ImmutableCollectionsMarshal.AsImmutableArray(_separators ?? []);

    /// <summary>The elements and separators in source order: element, separator, element, ...</summary>
    public IEnumerable<SyntaxElement> GetWithSeparators()
    {
        var nodes = _nodes ?? [];
        var separators = _separators ?? [];
        for (var i = 0; i < nodes.Length; i++)
        {
            yield return nodes[i];
            if (i < separators.Length)
            {
                yield return separators[i];
            }
        }
    }

    /// <summary>The index of <paramref name="node"/> among the elements (by reference), or -1.</summary>
    public int IndexOf(TNode node) => Array.IndexOf(_nodes ?? [], node);

    /// <summary>
    /// How many written (not missing) separators end at or before <paramref name="position"/>: the index of the
    /// element a cursor at that position is in, as signature help counts arguments.
    /// </summary>
    public int CountSeparatorsBefore(int position)
    {
        var count = 0;
        foreach (var separator in _separators ?? [])
        {
            if (!separator.IsMissing && separator.Span.End <= position)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>From the first element's or separator's text to the last's, without surrounding trivia; empty when there are none.</summary>
    public TextSpan Span => Count == 0 ? default : TextSpan.FromBounds(this[0].Span.Start, LastElementOrSeparatorEnd(full: false));

    public TextSpan FullSpan => Count == 0 ? default : TextSpan.FromBounds(this[0].FullSpan.Start, LastElementOrSeparatorEnd(full: true));

    /// <summary>The exact source text of the elements and separators, trivia included.</summary>
    public string ToFullString()
    {
        var builder = new StringBuilder();
        foreach (var element in GetWithSeparators())
        {
            if (element.Token is { } token)
            {
                token.WriteFullTo(builder);
            }
            else
            {
                builder.Append(element.Node!.ToFullString());
            }
        }

        return builder.ToString();
    }

    public override string ToString() => ToFullString();

    public Enumerator GetEnumerator() => new(_nodes ?? []);

    IEnumerator<TNode> IEnumerable<TNode>.GetEnumerator() => ((IEnumerable<TNode>)(_nodes ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => (_nodes ?? []).GetEnumerator();

    public bool Equals(SeparatedSyntaxList<TNode> other) =>
        ReferenceEquals(NodeArray, other.NodeArray) && ReferenceEquals(SeparatorArray, other.SeparatorArray);

    public override bool Equals(object? obj) => obj is SeparatedSyntaxList<TNode> other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(NodeArray, SeparatorArray);

    public static bool operator ==(SeparatedSyntaxList<TNode> left, SeparatedSyntaxList<TNode> right) => left.Equals(right);

    public static bool operator !=(SeparatedSyntaxList<TNode> left, SeparatedSyntaxList<TNode> right) => !left.Equals(right);

    private int LastElementOrSeparatorEnd(bool full)
    {
        var lastNode = this[Count - 1];
        if (SeparatorCount == Count)
        {
            var separator = GetSeparator(Count - 1);
            // A missing trailing separator has no place of its own: the element before it ends the list.
            if (!separator.IsMissing)
            {
                return full ? separator.FullSpan.End : separator.Span.End;
            }
        }

        return full ? lastNode.FullSpan.End : lastNode.Span.End;
    }

    /// <summary>Enumerates the elements without allocating.</summary>
    public struct Enumerator
    {
        private readonly TNode[] _nodes;
        private int _index;

        internal Enumerator(TNode[] nodes)
        {
            _nodes = nodes;
            _index = -1;
        }

        public readonly TNode Current => _nodes[_index];

        public bool MoveNext() => ++_index < _nodes.Length;
    }
}
