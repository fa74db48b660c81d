using VirtLang.Language.Text;

namespace VirtLang.LanguageServer.Features;

/// <summary>One highlighted token: its text, what it is, and whether it is where a name is declared.</summary>
internal readonly record struct SemanticToken(TextSpan Span, SemanticTokenType Type, bool IsDeclaration);
