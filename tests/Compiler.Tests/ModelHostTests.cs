using VirtLang.Compiler.Hosting;
using VirtLang.Compiler.Lowering;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Results;

namespace VirtLang.Compiler.Tests;

/// <summary>Generated code compiled in memory, cached by the model's content, and loaded again without Roslyn.</summary>
public sealed class ModelHostTests : IDisposable
{
    private readonly TemporaryDirectory _cache = new("vdl-cache-");

    public void Dispose() => _cache.Dispose();

    [Fact]
    public void ASecondLoadOfAnUnchangedModelComesFromTheCacheAndBuildsTheSameModel()
    {
        var compilation = ModelCompilation.FromFiles([Path.Combine(RepositoryPaths.Examples, "paravirtual.vdl")]);
        var first = ModelHost.Load(compilation, _cache.Path);
        var second = ModelHost.Load(compilation, _cache.Path);
        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Single(Directory.GetFiles(_cache.Path, "*.dll"));

        var lowered = ModelLowering.Lower(compilation.SemanticModel);
        var expected = ResultJsonWriter.ToJson(Simulator.Run(lowered.Topology, lowered.Scenarios[0]));
        Assert.Equal(expected, ResultJsonWriter.ToJson(Simulator.Run(first.Topology, first.Scenarios[0])));
        Assert.Equal(expected, ResultJsonWriter.ToJson(Simulator.Run(second.Topology, second.Scenarios[0])));
    }

    [Fact]
    public void AChangedModelIsCompiledAgain()
    {
        using var folder = new TemporaryDirectory("vdl-model-");
        var path = folder.Write("m.vdl", File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "hosted.vdl")));
        Assert.False(ModelHost.Load(ModelCompilation.FromFiles([path]), _cache.Path).FromCache);
        File.AppendAllText(path, "// a comment changes the text, so the key\n");
        Assert.False(ModelHost.Load(ModelCompilation.FromFiles([path]), _cache.Path).FromCache);
        Assert.Equal(2, Directory.GetFiles(_cache.Path, "*.dll").Length);
    }
}
