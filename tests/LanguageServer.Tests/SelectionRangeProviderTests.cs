using VirtLang.LanguageServer.Features;

namespace VirtLang.LanguageServer.Tests;

/// <summary>Expand selection's typed result: from the word outwards, each range held by its parent, to the whole file.</summary>
public sealed class SelectionRangeProviderTests
{
    [Fact]
    public void TheChainGrowsFromTheValueToTheFile()
    {
        var model = new OpenedModel("hardware box {\n  memory = 64GiB\n  cpus = 2\n}\n");
        var range = Assert.Single(SelectionRangeProvider.Ranges(model.Document, [model.OffsetOf("64GiB", 1)]));

        var chain = new List<string>();
        for (SelectionRange? at = range; at is not null; at = at.Parent)
        {
            chain.Add(model.TextOf(at.Span));
        }

        Assert.Equal(["64GiB", "memory = 64GiB", "memory = 64GiB\n  cpus = 2", "hardware box {\n  memory = 64GiB\n  cpus = 2\n}", model.Document.Text.Text], chain);
    }
}
