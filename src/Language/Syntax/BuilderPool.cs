using System.Collections.Immutable;

namespace VirtLang.Language.Syntax;

/// <summary>
/// Reusable array builders for one parse: nesting needs several at once, but a file has thousands of blocks and
/// lists, and a fresh builder for each was most of the parser's garbage.
/// </summary>
internal sealed class BuilderPool<T>
{
    private readonly Stack<ImmutableArray<T>.Builder> _free = new();

    public ImmutableArray<T>.Builder Rent() => _free.Count > 0 ? _free.Pop() : ImmutableArray.CreateBuilder<T>();

    /// <summary>The builder's items as an immutable array; the builder goes back to the pool, empty.</summary>
    public ImmutableArray<T> ToImmutableAndReturn(ImmutableArray<T>.Builder builder)
    {
        var result = builder.Count == 0 ? [] : builder.ToImmutable();
        Return(builder);
        return result;
    }

    /// <summary>The builder goes back to the pool, empty, its items unused.</summary>
    public void Return(ImmutableArray<T>.Builder builder)
    {
        builder.Clear();
        _free.Push(builder);
    }
}
