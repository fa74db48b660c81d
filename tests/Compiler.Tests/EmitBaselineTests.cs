using VirtLang.Compiler.Emit;
using VirtLang.Compiler.Sources;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// The golden generated C# of a small model (Baselines/emit): a change in what the emitter writes shows in review.
/// Set VDL_UPDATE_BASELINES=1 to rewrite it from the current output, then review the diff.
/// </summary>
public sealed class EmitBaselineTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "Compiler.Tests", "Baselines", "emit");

    [Fact]
    public void TheGeneratedCodeOfTheSmallModelIsTheReviewedOne()
    {
        // Paths in #line are as the model names them: a relative name, so the baseline is the same on every machine.
        var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["small.vdl"] = File.ReadAllText(Path.Combine(Folder, "small.vdl")) });
        provider.TryRead("small.vdl", out var source, out _);
        var compilation = ModelCompilation.Create([source!], provider);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        var code = CSharpEmitter.Emit(compilation.SemanticModel).ReplaceLineEndings("\n");

        var expected = Path.Combine(Folder, "small.g.cs");
        if (Environment.GetEnvironmentVariable("VDL_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(expected, code);
        }

        Assert.True(File.Exists(expected), "small.g.cs is missing; run with VDL_UPDATE_BASELINES=1 and review it");
        Assert.Equal(File.ReadAllText(expected).ReplaceLineEndings("\n"), code);
    }

    /// <summary>The same model with `expect` statements: the scenario's Expectations, in the runtime's own types.</summary>
    [Fact]
    public void TheGeneratedCodeOfExpectationsIsTheReviewedOne()
    {
        var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["expect.vdl"] = File.ReadAllText(Path.Combine(Folder, "expect.vdl")) });
        provider.TryRead("expect.vdl", out var source, out _);
        var compilation = ModelCompilation.Create([source!], provider);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        var code = CSharpEmitter.Emit(compilation.SemanticModel).ReplaceLineEndings("\n");

        var expected = Path.Combine(Folder, "expect.g.cs");
        if (Environment.GetEnvironmentVariable("VDL_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(expected, code);
        }

        Assert.True(File.Exists(expected), "expect.g.cs is missing; run with VDL_UPDATE_BASELINES=1 and review it");
        Assert.Equal(File.ReadAllText(expected).ReplaceLineEndings("\n"), code);
    }
}
