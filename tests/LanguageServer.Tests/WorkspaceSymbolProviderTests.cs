using VirtLang.LanguageServer.Features;

namespace VirtLang.LanguageServer.Tests;

/// <summary>Go to Symbol in Workspace's typed result: matching names with their kind, location and container.</summary>
public sealed class WorkspaceSymbolProviderTests
{
    [Fact]
    public void NamesWithTheQuerysLettersInOrderComeWithTheBlockThatHoldsThem()
    {
        var model = new OpenedModel("hardware box {\n  memory = 64GiB\n}\nhost h1 : box {\n  vm web-vm {\n    vcpus = 2\n  }\n}\napp web {\n}\n");
        var symbols = WorkspaceSymbolProvider.Symbols(model.Workspace, "wvm", CancellationToken.None);

        var vm = Assert.Single(symbols);
        Assert.Equal(("web-vm", SymbolKind.Guest, "host h1"), (vm.Name, vm.Kind, vm.ContainerName));
        Assert.Equal("/models/lab.vdl", vm.Location.Path);
        Assert.Equal("web-vm", vm.Location.Source.ToString(vm.Location.Span));

        // Those that start with the query first, then the shorter; a top-level block has no container.
        Assert.Equal(["web", "web-vm"], WorkspaceSymbolProvider.Symbols(model.Workspace, "we", CancellationToken.None).Select(s => s.Name));
        Assert.Null(WorkspaceSymbolProvider.Symbols(model.Workspace, "box", CancellationToken.None).Single().ContainerName);
    }
}
