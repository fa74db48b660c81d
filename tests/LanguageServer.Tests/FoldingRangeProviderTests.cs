using VirtLang.LanguageServer.Features;

namespace VirtLang.LanguageServer.Tests;

/// <summary>Folding's typed result: 0-based lines, and a kind only for comments and regions.</summary>
public sealed class FoldingRangeProviderTests
{
    [Fact]
    public void BlocksCommentRunsAndRegionsFold()
    {
        var model = new OpenedModel("// region Catalog\n// one\n// two\nos rhel8 {\n  family = linux\n  version = \"8.6\"\n}\n// endregion\n");
        Assert.Equal(
        [
            new FoldingRange(0, 7, FoldingRangeKind.Region),
            new FoldingRange(1, 2, FoldingRangeKind.Comment),
            new FoldingRange(3, 5, null), // its `}` stays visible
        ],
        FoldingRangeProvider.Ranges(model.Document));
    }
}
