using System.Collections;
using VirtLang.Language.Text;

namespace VirtLang.Language.Syntax;

/// <summary>
/// A token's leading or trailing trivia, in source order. Trivia are not stored: the list re-reads them from the
/// text of its range with the lexer's own rules (<see cref="TriviaScanner"/>), and recognizes the tokens the parser
/// skipped there from the tree's record of them. Enumerating allocates nothing.
/// </summary>
public readonly struct SyntaxTriviaList : IEnumerable<SyntaxTrivia>
{
    private readonly TreeStore? _store;
    private readonly int _start;
    private readonly int _end;

    internal SyntaxTriviaList(TreeStore store, int start, int end)
    {
        _store = store;
        _start = start;
        _end = end;
    }

    /// <summary>The text range the trivia cover.</summary>
    public TextSpan Span => TextSpan.FromBounds(_start, _end);

    public bool IsEmpty => _end <= _start;

    public bool HasComments
    {
        get
        {
            foreach (var trivia in this)
            {
                if (trivia.IsComment)
                {
                    return true;
                }
            }

            return false;
        }
    }

    public Enumerator GetEnumerator() => new(_store, _start, _end);

    IEnumerator<SyntaxTrivia> IEnumerable<SyntaxTrivia>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator : IEnumerator<SyntaxTrivia>
    {
        private readonly TreeStore? _store;
        private readonly int _end;
        private int _position;

        internal Enumerator(TreeStore? store, int start, int end)
        {
            _store = store;
            _position = start;
            _end = end;
            Current = default;
        }

        public SyntaxTrivia Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_store is null || _position >= _end)
            {
                return false;
            }

            var text = _store.Source.Text;
            var kind = TriviaScanner.Scan(text, _position, out var end);
            if (kind == SyntaxKind.None)
            {
                // Not trivia by the lexical rules, so a token the parser skipped (at least one character: progress).
                kind = SyntaxKind.SkippedTokensTrivia;
                end = _position + Math.Max(1, _store.SkippedWidthAt(_position));
            }

            end = Math.Min(end, _end);
            Current = new SyntaxTrivia(_store.Source, kind, TextSpan.FromBounds(_position, end));
            _position = end;
            return true;
        }

        public void Reset() => throw new NotSupportedException();

        public readonly void Dispose()
        {
        }
    }
}
