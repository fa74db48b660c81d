using System.Collections;

namespace VirtLang.Language.Syntax;

/// <summary>A token's leading or trailing trivia, in source order.</summary>
public readonly struct SyntaxTriviaList : IReadOnlyList<SyntaxTrivia>
{
    private readonly TreeStore? _store;
    private readonly int _start;

    internal SyntaxTriviaList(TreeStore? store, int start, int count)
    {
        _store = store;
        _start = start;
        Count = count;
    }

    public int Count { get; }

    public SyntaxTrivia this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count || _store is null)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            var data = _store.Trivia(_start + index);
            return new SyntaxTrivia(_store.Source, data.Kind, new Text.TextSpan(data.Start, data.Length));
        }
    }

    public bool HasComments
    {
        get
        {
            for (var i = 0; i < Count; i++)
            {
                if (_store!.Trivia(_start + i).Kind is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia)
                {
                    return true;
                }
            }

            return false;
        }
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<SyntaxTrivia> IEnumerable<SyntaxTrivia>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator : IEnumerator<SyntaxTrivia>
    {
        private readonly SyntaxTriviaList _list;
        private int _index;

        internal Enumerator(SyntaxTriviaList list)
        {
            _list = list;
            _index = -1;
        }

        public readonly SyntaxTrivia Current => _list[_index];

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < _list.Count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
