using VirtLang.Compiler.Hosting;
using VirtLang.Compiler.Lowering;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Results;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// A cache entry is untrusted input: whatever sits at an entry's paths is loaded only when it verifies (its seal names
/// this key and hashes these bytes, and the assembly carries the key); anything else is rebuilt silently and replaced.
/// </summary>
public sealed class CacheVerificationTests : IDisposable
{
    private readonly TemporaryDirectory _cache = new("vdl-cache-");

    public void Dispose() => _cache.Dispose();

    private static ModelCompilation Example(string name) => ModelCompilation.FromFiles([Path.Combine(RepositoryPaths.Examples, name)]);

    /// <summary>The entry's two files, after a first load has written them.</summary>
    private (string Assembly, string Seal) EntryOf(ModelCompilation compilation)
    {
        var before = Directory.GetFiles(_cache.Path, "*.dll").ToHashSet();
        ModelHost.Load(compilation, _cache.Path);
        var assembly = Directory.GetFiles(_cache.Path, "*.dll").Except(before).Single();
        return (assembly, Path.ChangeExtension(assembly, ".sha256"));
    }

    /// <summary>Loads the model from the cache folder and holds it to the lowering's results (so to this model's).</summary>
    private void AssertRebuiltAsItself(ModelCompilation compilation)
    {
        var loaded = ModelHost.Load(compilation, _cache.Path);
        Assert.False(loaded.FromCache);
        var lowered = ModelLowering.Lower(compilation.SemanticModel);
        Assert.Equal(
            ResultJsonWriter.ToJson(Simulator.Run(lowered.Topology, lowered.Scenarios[0])),
            ResultJsonWriter.ToJson(Simulator.Run(loaded.Topology, loaded.Scenarios[0])));

        // Replaced: the next load comes from the cache again.
        Assert.True(ModelHost.Load(compilation, _cache.Path).FromCache);
    }

    [Fact]
    public void AnEntryIsOneAssemblyAndASealNamingItsKeyLengthAndHash()
    {
        var (assembly, seal) = EntryOf(Example("hosted.vdl"));
        var key = Path.GetFileNameWithoutExtension(assembly);
        var bytes = File.ReadAllBytes(assembly);
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant();
        Assert.Equal($"virtlang-model-cache/1\nkey {key}\nbytes {bytes.Length}\nsha256 {hash}\n", File.ReadAllText(seal));
        Assert.Equal(2, Directory.GetFiles(_cache.Path).Length);
    }

    [Fact]
    public void AnotherModelsValidAssemblyCopiedOverAnEntryIsNotLoaded()
    {
        var hosted = Example("hosted.vdl");
        var (assembly, _) = EntryOf(hosted);
        var paravirtual = ModelHost.CompileAssembly(Example("paravirtual.vdl"));
        File.WriteAllBytes(assembly, paravirtual);
        AssertRebuiltAsItself(hosted);
    }

    [Fact]
    public void AnotherEntryCopiedWholeOverAnEntryIsNotLoaded()
    {
        var hosted = Example("hosted.vdl");
        var (assembly, seal) = EntryOf(hosted);
        var (otherAssembly, otherSeal) = EntryOf(Example("paravirtual.vdl"));
        File.Copy(otherAssembly, assembly, overwrite: true);
        File.Copy(otherSeal, seal, overwrite: true);
        AssertRebuiltAsItself(hosted);
    }

    /// <summary>A seal rewritten to name this key over another model's assembly: the assembly's own key gives it away.</summary>
    [Fact]
    public void AnotherModelsAssemblyUnderARewrittenSealNeverRuns()
    {
        var hosted = Example("hosted.vdl");
        var (assembly, seal) = EntryOf(hosted);
        var key = Path.GetFileNameWithoutExtension(assembly);
        var other = ModelHost.CompileAssembly(Example("paravirtual.vdl"));
        File.WriteAllBytes(assembly, other);
        File.WriteAllText(seal, CacheSeal.Write(key, other));
        AssertRebuiltAsItself(hosted);
    }

    [Fact]
    public void ATruncatedEntryIsRebuiltSilently()
    {
        var hosted = Example("hosted.vdl");
        var (assembly, _) = EntryOf(hosted);
        var bytes = File.ReadAllBytes(assembly);
        File.WriteAllBytes(assembly, bytes[..(bytes.Length / 2)]);
        AssertRebuiltAsItself(hosted);
    }

    [Fact]
    public void AnEntryWithTheSameLengthAndOneByteChangedIsRebuilt()
    {
        var hosted = Example("hosted.vdl");
        var (assembly, _) = EntryOf(hosted);
        var bytes = File.ReadAllBytes(assembly);
        bytes[bytes.Length / 2] ^= 0x5a;
        File.WriteAllBytes(assembly, bytes);
        AssertRebuiltAsItself(hosted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("virtlang-model-cache/1\nkey x\nbytes 1\nsha256 y\n")]
    [InlineData("virtlang-model-cache/1\nkey 0000000000000000000000000000000000000000000000000000000000000000\nbytes -1\nsha256 0000000000000000000000000000000000000000000000000000000000000000\n")]
    public void AGarbageSealIsRebuilt(string seal)
    {
        var hosted = Example("hosted.vdl");
        var (_, sealPath) = EntryOf(hosted);
        File.WriteAllText(sealPath, seal);
        AssertRebuiltAsItself(hosted);
    }

    [Fact]
    public void AHugeSealIsNotReadAndIsRebuilt()
    {
        var hosted = Example("hosted.vdl");
        var (_, seal) = EntryOf(hosted);
        File.WriteAllText(seal, File.ReadAllText(seal) + new string('\n', 10_000));
        AssertRebuiltAsItself(hosted);
    }

    [Fact]
    public void AMissingSealOrAssemblyIsRebuilt()
    {
        var hosted = Example("hosted.vdl");
        var (assembly, seal) = EntryOf(hosted);
        File.Delete(seal);
        AssertRebuiltAsItself(hosted);
        File.Delete(assembly);
        AssertRebuiltAsItself(hosted);
    }

    /// <summary>A FIFO or a link at an entry's path is never opened (a FIFO would block the run forever).</summary>
    [Fact]
    public void AFifoOrALinkAtAnEntrysPathIsNeverOpened()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var hosted = Example("hosted.vdl");
        var (assembly, seal) = EntryOf(hosted);
        var kept = File.ReadAllBytes(assembly);
        File.Delete(assembly);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [assembly]))
        {
            mkfifo.WaitForExit();
        }

        AssertRebuiltAsItself(hosted);

        var elsewhere = Path.Combine(_cache.Path, "elsewhere.bin");
        File.WriteAllBytes(elsewhere, kept);
        File.Delete(assembly);
        File.CreateSymbolicLink(assembly, elsewhere);
        Assert.True(File.Exists(seal));
        AssertRebuiltAsItself(hosted);
        Assert.Null(new FileInfo(assembly).LinkTarget);
    }

    [Fact]
    public void ACacheThatCannotBeWrittenOnlyCostsACompile()
    {
        var blocked = Path.Combine(_cache.Path, "not-a-folder");
        File.WriteAllText(blocked, "a file where the cache folder should be");
        var compilation = Example("hosted.vdl");
        Assert.False(ModelHost.Load(compilation, blocked).FromCache);
        Assert.False(ModelHost.Load(compilation, blocked).FromCache);
    }

    [Fact]
    public void BeyondItsBoundTheLeastRecentlyUsedEntriesGoAndOnlyOurNamesAreTouched()
    {
        var cache = new ModelCache(_cache.Path, maxEntries: 4);
        var keys = Enumerable.Range(0, 5).Select(i => new string((char)('a' + i), 64)).ToList();
        var start = DateTime.UtcNow.AddHours(-1);
        var theirs = _cache.Write("notes.dll", "not ours");
        for (var i = 0; i < 4; i++)
        {
            cache.Store(keys[i], [1, 2, 3, (byte)i]);
            File.SetLastWriteTimeUtc(cache.SealPath(keys[i]), start.AddMinutes(i));
        }

        // A use makes the oldest the newest.
        Assert.NotNull(cache.TryLoad(keys[0]));
        cache.Store(keys[4], [9]);

        var left = Directory.GetFiles(_cache.Path, "*.dll").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([keys[0], keys[2], keys[3], keys[4], "notes"], left);
        Assert.True(File.Exists(theirs));
        Assert.False(File.Exists(cache.SealPath(keys[1])));
    }

    [Fact]
    public void ACreatedCacheFolderIsTheUsersAlone()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var folder = Path.Combine(_cache.Path, "fresh");
        ModelHost.Load(Example("hosted.vdl"), folder);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
    }
}
