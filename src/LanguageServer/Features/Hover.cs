using VirtLang.Language.Text;

namespace VirtLang.LanguageServer.Features;

/// <summary>What hovering shows: Markdown about the text of <paramref name="Span"/>.</summary>
internal sealed record Hover(string Markdown, TextSpan Span);
