namespace VirtLang.Language.Text;

/// <summary>A half-open range [Start, End) of UTF-16 offsets into a <see cref="SourceText"/>.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    public bool Contains(int position) => position >= Start && position < End;

    /// <summary>True when <paramref name="position"/> is inside the span or right at its end (a caret after the last character).</summary>
    public bool ContainsOrTouches(int position) => position >= Start && position <= End;

    public override string ToString() => $"[{Start}..{End})";
}
