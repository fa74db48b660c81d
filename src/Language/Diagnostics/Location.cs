using VirtLang.Language.Text;

namespace VirtLang.Language.Diagnostics;

/// <summary>A span in a source file.</summary>
public readonly record struct Location(SourceText Source, TextSpan Span)
{
    public string Path => Source.Path;

    public LinePosition Start => Source.GetLinePosition(Span.Start);

    public LinePosition End => Source.GetLinePosition(Span.End);

    public override string ToString() => $"{Path}({Start.Line},{Start.Column})";
}
