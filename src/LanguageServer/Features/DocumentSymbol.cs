using VirtLang.Language.Text;

namespace VirtLang.LanguageServer.Features;

/// <summary>
/// One entry of the outline: a block or an attribute, the whole of its text (<paramref name="Span"/>) and the
/// part the editor selects (<paramref name="NameSpan"/>, its name).
/// </summary>
internal sealed record DocumentSymbol(string Name, string Detail, SymbolKind Kind, TextSpan Span, TextSpan NameSpan)
{
    /// <summary>A block's nested blocks and attributes (empty when it has none); null for an attribute, which holds nothing.</summary>
    public IReadOnlyList<DocumentSymbol>? Children { get; init; }
}
