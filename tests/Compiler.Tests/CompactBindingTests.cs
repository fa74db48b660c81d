using VirtLang.Compiler.Binding;
using VirtLang.Compiler.Sources;
using VirtLang.Language.Diagnostics;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// What the checker's compact forms must keep (issue 18): a view is a value that still locates a nested block it
/// lacks at the name of the block that lacks it, and a declaration's symbol reads its location from its block.
/// </summary>
public sealed class CompactBindingTests
{
    private const string Model = """
        hardware r740 {
          cpu {
            sockets = 2
          }
          memory = 64GiB
        }

        host esx : r740 {
          vm web-1 {
            vcpus = 2
          }
        }

        host esx {
          memory = 8GiB
        }
        """;

    private static ModelCompilation Compile()
    {
        var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["dc.vdl"] = Model });
        provider.TryRead("dc.vdl", out var root, out _);
        return ModelCompilation.Create([root!], provider);
    }

    private static Location At(ModelCompilation compilation, string text, int occurrence = 1)
    {
        var start = -1;
        for (var i = 0; i < occurrence; i++)
        {
            start = Model.IndexOf(text, start + 1, StringComparison.Ordinal);
        }

        return new Location(compilation.Files[0].Tree.Text, new Language.Text.TextSpan(start, text.Length));
    }

    [Fact]
    public void A_nested_block_missing_at_two_levels_is_located_at_the_name_of_the_block_that_lacks_it()
    {
        var compilation = Compile();
        var host = compilation.SemanticModel.Hosts.Single();

        var hypervisor = host.View.Child("hypervisor");
        var failures = hypervisor.Child("failures");

        Assert.True(hypervisor.IsEmpty);
        Assert.True(failures.IsEmpty);
        Assert.Null(failures.Find("mtbf"));
        Assert.Equal(At(compilation, "esx"), failures.NameLocation);
        Assert.Equal(At(compilation, "esx"), failures.Where("mtbf"));
        Assert.Throws<InvalidOperationException>(() => failures.Block);
    }

    [Fact]
    public void A_nested_block_only_the_base_has_is_read_through_the_view_and_is_not_the_hosts_own()
    {
        var compilation = Compile();
        var host = compilation.SemanticModel.Hosts.Single();

        var cpu = host.View.Child("cpu");

        Assert.False(cpu.IsEmpty);
        Assert.Equal(2, host.Sockets);
        Assert.True(cpu.Find("sockets") is var (_, sockets) && !cpu.IsOwn(sockets));
        Assert.Equal(At(compilation, "2"), cpu.Where("sockets"));
    }

    [Fact]
    public void A_symbol_is_located_at_its_name_and_a_name_declared_twice_at_each_declaration()
    {
        var compilation = Compile();
        var table = new SymbolTable(compilation.Files);

        Assert.Equal(At(compilation, "web-1"), table.Declared("web-1")!.Location);
        Assert.Equal("vm", table.Declared("web-1")!.Kind);
        Assert.Equal(At(compilation, "esx"), table.Declared("esx")!.Location);
        var duplicate = Assert.Single(compilation.Diagnostics, d => d.Descriptor.Code == "VDL1002" && d.Location == At(compilation, "esx", 2));
        Assert.Equal(At(compilation, "esx"), Assert.Single(duplicate.RelatedLocations).Location);
    }
}
