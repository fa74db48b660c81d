using VirtLang.Language.Text;

namespace VirtLang.LanguageServer.Features;

/// <summary>What a rename at the cursor would rename: the name's text in the document (<paramref name="Span"/>), and the declared name the editor offers to edit.</summary>
internal sealed record RenameTarget(TextSpan Span, string Placeholder);
