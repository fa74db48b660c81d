using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Sources;
using VirtLang.Language.Syntax;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// The checker reads literal values from the syntax (docs/architecture.md): the versions and constraints its symbols
/// hold are the very objects the tree parsed, shared by every literal of the same text, not parses of their own.
/// </summary>
public sealed class LiteralValuesFromSyntaxTests
{
    private const string Model = """
        os rhel8 {
          family  = linux
          version = "8.6"
        }

        hardware r740 {
          cpu {
            sockets  = 2
            cores    = 16
            threads  = 2
            features = [vtx, ept]
          }
          memory = 384GiB
        }

        app erp {
          requires {
            patch = ">= 2024.03"
          }
          demand {
            cpu    = 1
            memory = 1GiB
          }
        }

        host h : r740 {
          os    = rhel8
          patch = "2023.11"
          hypervisor {
            kind = bare_metal
          }
          vm current {
            os     = rhel8
            patch  = "2024.05"
            vcpus  = 2
            memory = 4GiB
            runs   = [erp]
          }
          vm twin {
            os     = rhel8
            patch  = "2024.05"
            vcpus  = 2
            memory = 4GiB
          }
          vm unpatched {
            os     = rhel8
            vcpus  = 2
            memory = 4GiB
            runs   = [erp]
          }
        }
        """;

    private static ModelCompilation Compile()
    {
        var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["m.vdl"] = Model });
        provider.TryRead("m.vdl", out var root, out _);
        return ModelCompilation.Create([root!], provider);
    }

    private static SyntaxToken Literal(BlockSyntax block, string attribute) =>
        ((LiteralExpressionSyntax)block.Attributes.Single(a => a.Name.TextEquals(attribute)).Value).Literal;

    [Fact]
    public void PatchLevelsAndConstraintsAreTheObjectsTheTreeParsed()
    {
        var compilation = Compile();
        var model = compilation.SemanticModel;
        var host = model.Host("h")!;
        var current = model.Guest("current")!;
        var twin = model.Guest("twin")!;
        var erp = model.Applications.Single(a => a.Name == "erp");

        var level = Literal(current.Syntax, "patch").AsVersion().Value;
        Assert.NotNull(level);
        Assert.Same(level, current.PatchVersion);
        Assert.Same(level, twin.PatchVersion);                                   // one parse for both "2024.05"
        Assert.Same(Literal(host.Syntax, "patch").AsVersion().Value, host.PatchVersion);
        Assert.Same(host.PatchVersion, model.Guest("unpatched")!.Host.PatchVersion);
        Assert.Same(Literal(erp.Syntax.Blocks.Single(b => b.KindName == "requires"), "patch").AsConstraint().Value, erp.CertifiedPatch);
        Assert.Equal(Literal(host.Syntax, "patch").AsVersion().Value!.Text, host.Patch);

        // The values decide as the grammar says: "2024.05" is certified, the host's "2023.11" (a VM without its own) is not.
        var uncertified = Assert.Single(compilation.Diagnostics, d => d.Code == CompilerDiagnostics.UncertifiedPatch.Code);
        Assert.Contains("vm `unpatched` on host `h` is at \"2023.11\"", uncertified.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QuantitiesAreTheValuesTheLexerParsed()
    {
        var model = Compile().SemanticModel;
        var current = model.Guest("current")!;
        Assert.Equal(Literal(current.Syntax, "memory").QuantityValue.Value.Value, current.MemoryBytes);
        Assert.Equal(4.0 * (1L << 30), current.MemoryBytes);
    }
}
