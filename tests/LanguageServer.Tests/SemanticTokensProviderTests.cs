using VirtLang.LanguageServer.Features;

namespace VirtLang.LanguageServer.Tests;

/// <summary>Semantic tokens' typed result: each word's role in the order of the text, declared names marked.</summary>
public sealed class SemanticTokensProviderTests
{
    [Fact]
    public void EachWordHasItsRole()
    {
        var model = new OpenedModel("hardware box {\n  memory = 64GiB\n}\nhost h1 : box {\n  os = linux\n}\n");
        var tokens = SemanticTokensProvider.Full(model.Document, model.Compilation);
        Assert.Equal(
        [
            ("hardware", SemanticTokenType.Keyword, false),
            ("box", SemanticTokenType.Class, true),
            ("memory", SemanticTokenType.Property, false),
            ("64GiB", SemanticTokenType.Number, false),
            ("host", SemanticTokenType.Keyword, false),
            ("h1", SemanticTokenType.Class, true),
            ("box", SemanticTokenType.Type, false),
            ("os", SemanticTokenType.Property, false),
            ("linux", SemanticTokenType.EnumMember, false),
        ],
        tokens.Select(t => (model.TextOf(t.Span), t.Type, t.IsDeclaration)));
    }
}
