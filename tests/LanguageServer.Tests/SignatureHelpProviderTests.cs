using VirtLang.Language.Syntax;
using VirtLang.LanguageServer.Features;

namespace VirtLang.LanguageServer.Tests;

/// <summary>Signature help's typed result, from the schema's profile signatures.</summary>
public sealed class SignatureHelpProviderTests
{
    [Fact]
    public void TheParametersAreTheProfilesWithTheirKindsAndTheActiveOneIsTheNamedOne()
    {
        const string text = "app web {\n  demand {\n    profile = spiky(10%, every = 2h)\n  }\n}\n";
        var help = SignatureHelpProvider.Help(SyntaxTree.Parse(text), text.IndexOf("every", StringComparison.Ordinal) + 2);
        Assert.NotNull(help);
        Assert.Equal("spiky(base: percentage, peak: percentage, every?: duration, lasts?: duration)", help.Label);
        Assert.Equal(2, help.ActiveParameter);
        Assert.Equal(["base: percentage", "peak: percentage", "every?: duration", "lasts?: duration"], help.Parameters.Select(p => help.Label[p.Start..p.End]));
        Assert.Null(SignatureHelpProvider.Help(SyntaxTree.Parse(text), 3));
    }
}
