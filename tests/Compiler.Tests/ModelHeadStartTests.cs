using VirtLang.Compiler.Hosting;
using VirtLang.Language.Syntax;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Results;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// What <c>vdl run</c> starts before the check (<see cref="ModelHeadStart"/>): the cached model built early, or Roslyn
/// warmed up; neither ever changes what <see cref="ModelHost.Load"/> returns, nor the assembly's bytes.
/// </summary>
public sealed class ModelHeadStartTests : IDisposable
{
    private readonly TemporaryDirectory _cache = new("vdl-cache-");
    private readonly TemporaryDirectory _models = new("vdl-model-");

    public void Dispose()
    {
        _cache.Dispose();
        _models.Dispose();
    }

    /// <summary>As <c>vdl run</c> does: begun on the files as read, then told their parse (which the check reuses).</summary>
    private (ModelHeadStart HeadStart, List<SyntaxTree> Trees) Start(Action warmUp, params string[] paths) => Start(_cache.Path, warmUp, paths);

    private static (ModelHeadStart HeadStart, List<SyntaxTree> Trees) Start(string cache, Action warmUp, params string[] paths)
    {
        var sources = paths.Select(ModelCompilation.ReadSource).ToList();
        var headStart = ModelHeadStart.Begin(sources, cache, warmUp);
        var trees = sources.Select(SyntaxTree.Parse).ToList();
        headStart.Parsed(trees);
        return (headStart, trees);
    }

    private static string Results(GeneratedModel model) => ResultJsonWriter.ToJson(Simulator.Run(model.Topology, model.Scenarios[0]));

    private string Example(string name) => _models.Write(name, File.ReadAllText(Path.Combine(RepositoryPaths.Examples, name)));

    [Theory]
    [InlineData("hosted.vdl")]
    [InlineData("paravirtual.vdl")]
    [InlineData("datacenter.vdl")]
    public void ACachedModelIsBuiltBeforeTheCheckEndsAndIsTheModelLoadWouldHaveLoaded(string example)
    {
        var path = Example(example);
        var first = ModelHost.Load(ModelCompilation.FromFiles([path]), _cache.Path);

        var warmUps = 0;
        var (headStart, trees) = Start(() => Interlocked.Increment(ref warmUps), path);
        var compilation = ModelCompilation.Create(trees);
        Assert.NotNull(headStart.Take(ModelKey.Of(compilation), _cache.Path)); // built by the head start, not by Load
        var second = ModelHost.Load(compilation, _cache.Path, headStart);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(Results(first), Results(second));
        Assert.Equal(0, Volatile.Read(ref warmUps)); // a hit returns before any warm-up
    }

    [Fact]
    public void AWarmUpThatFailsChangesNeitherTheModelNorTheAssembly()
    {
        var path = Example("hosted.vdl");
        using var reference = new TemporaryDirectory("vdl-cache-reference-");
        var expected = ModelHost.Load(ModelCompilation.FromFiles([path]), reference.Path);

        using var failed = new ManualResetEventSlim();
        var (headStart, trees) = Start(() =>
        {
            failed.Set();
            throw new InvalidOperationException("a warm-up that fails");
        }, path);
        var loaded = ModelHost.Load(ModelCompilation.Create(trees), _cache.Path, headStart);
        failed.Wait(); // it ran (a miss warms up), and what it threw went nowhere

        Assert.False(loaded.FromCache);
        Assert.Equal(Results(expected), Results(loaded));
        Assert.Equal(File.ReadAllBytes(Assert.Single(Directory.GetFiles(reference.Path, "*.dll"))),
            File.ReadAllBytes(Assert.Single(Directory.GetFiles(_cache.Path, "*.dll"))));
    }

    [Fact]
    public void TheAssemblyIsTheSameWithAndWithoutTheWarmUpAndWhileItRuns()
    {
        var compilation = ModelCompilation.FromFiles([Example("datacenter.vdl")]);
        var before = ModelHost.CompileAssembly(compilation);

        var warmUp = new Thread(() => ModelHost.Compile(ModelHeadStart.WarmUpCode, ModelHeadStart.WarmUpKey));
        warmUp.Start();
        var during = ModelHost.CompileAssembly(compilation);
        warmUp.Join();
        var after = ModelHost.CompileAssembly(compilation);

        Assert.Equal(before, during);
        Assert.Equal(before, after);
    }

    [Fact]
    public void TheWarmUpsCodeCompiles()
    {
        // A warm-up whose code stopped compiling would fail silently and warm nothing.
        var image = ModelHost.Compile(ModelHeadStart.WarmUpCode, ModelHeadStart.WarmUpKey);
        Assert.NotEmpty(image);
    }

    [Fact]
    public void AModelThatImportsIsLeftToTheOrdinaryPath()
    {
        var main = _models.Write("main.vdl", "import \"catalog.vdl\"\n" + File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "hosted.vdl")));
        _models.Write("catalog.vdl", "// nothing but a comment\n");
        var warmUps = 0;
        GeneratedModel Run()
        {
            var (headStart, trees) = Start(() => Interlocked.Increment(ref warmUps), main);
            return ModelHost.Load(ModelCompilation.Create(trees), _cache.Path, headStart);
        }

        var cold = Run();
        var warm = Run();

        Assert.False(cold.FromCache);
        Assert.True(warm.FromCache);
        Assert.Equal(Results(cold), Results(warm));
        Assert.Equal(0, Volatile.Read(ref warmUps)); // its key needs the imported file: nothing was guessed
    }

    [Fact]
    public void AHeadStartOfOtherFilesIsNotTaken()
    {
        var hosted = Example("hosted.vdl");
        var paravirtual = Example("paravirtual.vdl");
        ModelHost.Load(ModelCompilation.FromFiles([hosted]), _cache.Path);
        var expected = ModelHost.Load(ModelCompilation.FromFiles([paravirtual]), _cache.Path);

        // Started on hosted.vdl (cached, so built early), taken for paravirtual.vdl: paravirtual.vdl's model.
        var (headStart, _) = Start(() => { }, hosted);
        var loaded = ModelHost.Load(ModelCompilation.FromFiles([paravirtual]), _cache.Path, headStart);
        Assert.Equal(Results(expected), Results(loaded));

        // The same files in another cache folder: not taken either.
        using var other = new TemporaryDirectory("vdl-cache-other-");
        var elsewhere = ModelHost.Load(ModelCompilation.FromFiles([hosted]), other.Path, Start(() => { }, hosted).HeadStart);
        Assert.False(elsewhere.FromCache);
    }

    [Fact]
    public void RootsInAnyOrderGuessTheCheckedModelsKey()
    {
        // Two files, named in the order opposite to the check's (by path): the guess is still the model's key.
        var b = _models.Write("b.vdl", File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "hosted.vdl")));
        var a = _models.Write("a.vdl", "// the first file by path\n");
        ModelHost.Load(ModelCompilation.FromFiles([b, a]), _cache.Path);
        var (headStart, trees) = Start(() => throw new InvalidOperationException("not a miss"), b, a);
        var compilation = ModelCompilation.Create(trees);
        Assert.NotNull(headStart.Take(ModelKey.Of(compilation), _cache.Path));
        Assert.True(ModelHost.Load(compilation, _cache.Path, headStart).FromCache);
    }
}
