namespace VirtLang.Cli.Tests;

/// <summary>
/// The real <c>vdl run</c> with <c>VDL_CACHE_DIR</c> at a temporary folder: the entry is written there, used on the
/// next run, and an entry that does not verify (another model's, truncated) is rebuilt without a word.
/// </summary>
public sealed class CacheEndToEndTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new("vdl-cache-e2e-");

    public void Dispose() => _temporary.Dispose();

    private string Cache => Path.Combine(_temporary.Path, ".vdl-cache"); // where VdlProcess points VDL_CACHE_DIR

    private (string Output, string Json) Run(string model)
    {
        var json = Path.Combine(_temporary.Path, Path.GetFileNameWithoutExtension(model) + ".json");
        var result = VdlProcess.Run(_temporary.Path, "run", Path.Combine(RepositoryPaths.Examples, model), "--json", json);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Equal(string.Empty, result.Error);
        return (result.Output, File.ReadAllText(json));
    }

    [Fact]
    public void AnEntryThatDoesNotVerifyIsRebuiltSilentlyAndTheResultsAreThisModels()
    {
        var (first, expected) = Run("hosted.vdl");
        Assert.Contains("Generated C# compiled", first, StringComparison.Ordinal);
        var assembly = Assert.Single(Directory.GetFiles(Cache, "*.dll"));
        Assert.True(File.Exists(Path.ChangeExtension(assembly, ".sha256")));
        Assert.Contains("Generated C# loaded from the cache", Run("hosted.vdl").Output, StringComparison.Ordinal);

        // Another model's valid assembly over the entry: not loaded, rebuilt, and the results are hosted.vdl's.
        Run("paravirtual.vdl");
        var other = Directory.GetFiles(Cache, "*.dll").Single(p => p != assembly);
        File.Copy(other, assembly, overwrite: true);
        var (swapped, swappedJson) = Run("hosted.vdl");
        Assert.Contains("Generated C# compiled", swapped, StringComparison.Ordinal);
        Assert.Equal(expected, swappedJson);

        // Truncated: rebuilt, where it used to fail every later run with exit 3.
        var bytes = File.ReadAllBytes(assembly);
        File.WriteAllBytes(assembly, bytes[..100]);
        var (truncated, truncatedJson) = Run("hosted.vdl");
        Assert.Contains("Generated C# compiled", truncated, StringComparison.Ordinal);
        Assert.Equal(expected, truncatedJson);
        Assert.Equal(bytes, File.ReadAllBytes(assembly));
        Assert.Contains("Generated C# loaded from the cache", Run("hosted.vdl").Output, StringComparison.Ordinal);
    }
}
