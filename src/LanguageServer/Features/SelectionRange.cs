using VirtLang.Language.Text;

namespace VirtLang.LanguageServer.Features;

/// <summary>One step of expand selection: <paramref name="Span"/>, and the next larger range that holds it (null for the outermost).</summary>
internal sealed record SelectionRange(TextSpan Span, SelectionRange? Parent);
