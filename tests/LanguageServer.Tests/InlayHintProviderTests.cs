using VirtLang.Language.Text;
using VirtLang.LanguageServer.Features;

namespace VirtLang.LanguageServer.Tests;

/// <summary>Inlay hints' typed result: the parameter before each positional argument of a profile, in the range asked.</summary>
public sealed class InlayHintProviderTests
{
    [Fact]
    public void PositionalArgumentsAreNamedAndNamedOnesAreNot()
    {
        var model = new OpenedModel("app a {\n  demand {\n    profile = spiky(10%, 80%, lasts = 5m)\n  }\n}\n");
        var hints = InlayHintProvider.Hints(model.Document, new TextSpan(0, model.Document.Text.Length));
        Assert.Equal([("base:", model.OffsetOf("10%")), ("peak:", model.OffsetOf("80%"))], hints.Select(h => (h.Label, h.Offset)));
        Assert.All(hints, h => Assert.False(string.IsNullOrEmpty(h.Tooltip)));

        Assert.Empty(InlayHintProvider.Hints(model.Document, new TextSpan(0, 5)));
    }
}
