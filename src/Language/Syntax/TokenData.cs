namespace VirtLang.Language.Syntax;

/// <summary>
/// The stored form of a token, 12 bytes: its kind, its text span and where its trailing trivia end. Its full start
/// is the previous token's full end (<see cref="TreeStore.FullStart"/>). A width that does not fit 16 bits is
/// <see cref="LongWidth"/> here and kept aside by the store. A tree holds one of these per token, so every byte
/// counts: the collector copies them when the tree survives a collection.
/// </summary>
internal readonly struct TokenData
{
    public const ushort LongWidth = ushort.MaxValue;

    public readonly int Start;
    /// <summary>For a missing token: the full end of the token before it, passed on for the next token's full start.</summary>
    public readonly int FullEnd;
    public readonly ushort Width;
    public readonly SyntaxKind Kind;
    private readonly Flags _flags;

    public TokenData(SyntaxKind kind, Flags flags, int start, int width, int fullEnd)
    {
        Kind = kind;
        _flags = flags;
        Start = start;
        Width = (ushort)Math.Min(width, LongWidth);
        FullEnd = fullEnd;
    }

    [Flags]
    public enum Flags : byte
    {
        None = 0,
        Missing = 1,
    }

    public bool IsMissing => (_flags & Flags.Missing) != 0;
}
