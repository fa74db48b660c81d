namespace VirtLang.Language.Syntax;

/// <summary>
/// The stored form of a token, 8 bytes: its kind, where its text starts, and in one byte each its width and the
/// width of its trailing trivia. A width that does not fit a byte (a long string or comment, rare) is
/// <see cref="Long"/> here and kept aside by the store. Its full start is not stored: it is where the previous
/// token's full span ends (<see cref="TreeStore.FullStart"/>). A tree holds one of these per token, so every byte
/// counts: the collector copies them while the tree is young.
/// </summary>
internal readonly struct TokenData
{
    public const byte Long = byte.MaxValue;

    public readonly int Start;
    public readonly byte Width;
    /// <summary>For a missing token (which has no trivia): from its position to the previous token's full end, passed on for the next token's full start.</summary>
    public readonly byte TrailingWidth;
    public readonly SyntaxKind Kind;
    private readonly Flags _flags;

    public TokenData(SyntaxKind kind, Flags flags, int start, int width, int trailingWidth)
    {
        Kind = kind;
        _flags = flags;
        Start = start;
        Width = (byte)Math.Min(width, Long);
        TrailingWidth = (byte)Math.Min(trailingWidth, Long);
    }

    [Flags]
    public enum Flags : byte
    {
        None = 0,
        Missing = 1,
    }

    public bool IsMissing => (_flags & Flags.Missing) != 0;
}
