using VirtLang.LanguageServer.Features;

namespace VirtLang.LanguageServer.Tests;

/// <summary>The outline's typed result: blocks with their kinds, bases and members; attributes hold nothing.</summary>
public sealed class DocumentSymbolProviderTests
{
    [Fact]
    public void BlocksNestWithTheirAttributesAndAnUnnamedBlockIsNamedByItsKind()
    {
        var model = new OpenedModel("hardware box {\n  memory = 64GiB\n}\nhost h1 : box {\n  vm web-vm {\n    vcpus = 2\n  }\n}\napp web {\n  demand {\n    cpu = 2\n  }\n}\n");
        var symbols = DocumentSymbolProvider.Symbols(model.Document);

        Assert.Equal(["box", "h1", "web"], symbols.Select(s => s.Name));
        Assert.Equal([SymbolKind.Hardware, SymbolKind.Host, SymbolKind.Application], symbols.Select(s => s.Kind));
        Assert.Equal("host : box", symbols[1].Detail);
        Assert.Equal("h1", model.TextOf(symbols[1].NameSpan));
        Assert.StartsWith("host h1 : box {", model.TextOf(symbols[1].Span), StringComparison.Ordinal);

        var memory = Assert.Single(symbols[0].Children!);
        Assert.Equal(("memory", "64GiB", SymbolKind.Attribute), (memory.Name, memory.Detail, memory.Kind));
        Assert.Null(memory.Children);
        Assert.Equal("memory = 64GiB", model.TextOf(memory.Span));

        var vm = Assert.Single(symbols[1].Children!);
        Assert.Equal(("web-vm", "vm", SymbolKind.Guest), (vm.Name, vm.Detail, vm.Kind));

        var demand = Assert.Single(symbols[2].Children!);
        Assert.Equal(("demand", string.Empty, SymbolKind.OtherBlock), (demand.Name, demand.Detail, demand.Kind));
        Assert.Equal("demand", model.TextOf(demand.NameSpan));
    }
}
