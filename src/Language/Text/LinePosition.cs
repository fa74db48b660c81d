namespace VirtLang.Language.Text;

/// <summary>A 1-based line and column (columns count UTF-16 code units, as editors and MSBuild do).</summary>
public readonly record struct LinePosition(int Line, int Column) : IComparable<LinePosition>
{
    public int CompareTo(LinePosition other) =>
        Line != other.Line ? Line.CompareTo(other.Line) : Column.CompareTo(other.Column);

    public override string ToString() => $"{Line}:{Column}";
}
