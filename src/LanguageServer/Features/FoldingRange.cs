namespace VirtLang.LanguageServer.Features;

/// <summary>Lines that fold together, 0-based as the editor counts them: <paramref name="StartLine"/> stays visible, the lines after it up to <paramref name="EndLine"/> fold.</summary>
internal sealed record FoldingRange(int StartLine, int EndLine, FoldingRangeKind? Kind);
