using VirtLang.LanguageServer.Features;

namespace VirtLang.LanguageServer.Tests;

/// <summary>
/// Hover on each kind of thing (a declared name, a copy made by count, an attribute, a diagnostic code in a comment,
/// a diagnostic's range, nothing): Baselines/Hover/NAME.vdl has the cursor at <c>$0</c>, NAME.txt the range and the Markdown.
/// </summary>
public sealed class HoverBaselineTests
{
    private const string Feature = "Hover";

    public static TheoryData<string> Samples() => FeatureBaselines.Samples(Feature);

    [Theory]
    [MemberData(nameof(Samples))]
    public void HoverAtTheMarker(string sample)
    {
        var (document, offset, compilation) = FeatureBaselines.Load(Feature, sample);
        var hover = HoverProvider.Hover(document, offset, compilation);
        var rendered = hover is null
            ? "(no hover)\n"
            : $"range {document.Text.GetLinePosition(hover.Span.Start).Line}:{document.Text.GetLinePosition(hover.Span.Start).Column}+{hover.Span.Length} `{document.Text.ToString(hover.Span)}`\n\n{hover.Markdown}\n";
        FeatureBaselines.Verify(Feature, sample, rendered);
    }
}
