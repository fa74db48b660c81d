using VirtLang.Language.Text;

namespace VirtLang.LanguageServer.Features;

/// <summary>What accepting a completion item does when it replaces more than the word being typed: <paramref name="Span"/> becomes <paramref name="NewText"/>.</summary>
internal sealed record CompletionEdit(TextSpan Span, string NewText);
