using VirtLang.Language.Syntax;
using VirtLang.Language.Text;

namespace VirtLang.Compiler.Hosting;

/// <summary>
/// What <c>vdl run</c> starts on a second thread before it parses and checks the model, since neither needs the
/// other and the cache key needs only the files' text. When the files named import nothing they are the whole model,
/// so their key is the model's: a cache entry for it is loaded and built while the check runs (warm); without one, and
/// once the parse shows no import, Roslyn is started (loaded, jitted, its references read) by compiling a tiny model,
/// so that the real compile finds it ready (cold). <see cref="ModelHost.Load"/> takes the built model only for the key
/// the checked model has; anything else (a model with imports, with errors, or another key) is left to the ordinary
/// path, and nothing started here ever changes a result: the entry is the one <see cref="ModelHost.Load"/> would load,
/// verified and key-checked the same way, and a warm-up's failure is ignored (the real compile reports its own).
/// </summary>
public sealed class ModelHeadStart
{
    /// <summary>The warm-up's key: its assembly is compiled in memory and dropped, never stored in the cache.</summary>
    internal const string WarmUpKey = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Shaped as the generated code is (a UTF-8 data literal, a scenario with events), so the same paths of Roslyn run.</summary>
    internal const string WarmUpCode = """"
        #nullable enable
        using System.Collections.Generic;
        using VirtLang.Runtime.Model;
        using VirtLang.Runtime.Scenarios;
        namespace VirtLang.Generated;
        public static class Model
        {
        private static System.ReadOnlySpan<byte> TopologyData => """
        vdl-topology 1
        """u8;
        public static Topology Build() => TopologyDataReader.Read(TopologyData);
        public static IReadOnlyList<ScenarioSpec> Scenarios() => new ScenarioSpec[]
        {
        new ScenarioSpec { Name = "warm-up", Duration = 3600L, Step = 60L, Seed = 42UL, Events = [new FailEvent(60L, "h", null) { Origin = null }, new ScaleEvent(120L, "a", 1.5d, null) { Origin = "m.vdl(1,1)" }] },
        };
        }

        """";

    private readonly string _key;
    private readonly string _cacheFolder;
    private readonly TaskCompletionSource<GeneratedModel?> _cached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _importsNothing = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ModelHeadStart(string key, string cacheFolder)
    {
        _key = key;
        _cacheFolder = cacheFolder;
    }

    /// <summary>Starts on the files named, as read; tell it their parse with <see cref="Parsed"/>.</summary>
    public static ModelHeadStart Begin(IReadOnlyCollection<SourceText> roots, string? cacheDirectory = null) =>
        Begin(roots, cacheDirectory, WarmUpRoslyn);

    /// <summary>With the warm-up given (tests make one that fails).</summary>
    internal static ModelHeadStart Begin(IReadOnlyCollection<SourceText> roots, string? cacheDirectory, Action warmUp)
    {
        ArgumentNullException.ThrowIfNull(roots);

        // The check's files are the roots and what they import, in path order (ModelCompilation.Files). With an import,
        // or the same file named twice, this key is not the check's, and what was started is simply not taken.
        var key = ModelKey.Of(roots.Select(r => (r.Path, r.Text)).OrderBy(f => f.Path, StringComparer.Ordinal));
        var headStart = new ModelHeadStart(key, cacheDirectory ?? ModelHost.DefaultCacheDirectory);
        new Thread(() => headStart.LoadOrWarmUp(warmUp)) { IsBackground = true, Name = "vdl head start" }.Start();
        return headStart;
    }

    /// <summary>
    /// The roots parsed: Roslyn is warmed up on a cache miss only when they import nothing (with an import the guessed
    /// key was not the model's, so the miss says nothing about its entry).
    /// </summary>
    public void Parsed(IEnumerable<SyntaxTree> roots) => _importsNothing.TrySetResult(!roots.Any(r => r.Root.Imports.Any()));

    /// <summary>
    /// The model this head start built from the cache when <paramref name="key"/> is the key it guessed (waiting for the
    /// build if it is still running; its exceptions are the ones <see cref="ModelHost.Load"/> would throw); else null.
    /// </summary>
    internal GeneratedModel? Take(string key, string cacheFolder) =>
        key == _key && cacheFolder == _cacheFolder ? _cached.Task.GetAwaiter().GetResult() : null;

    private void LoadOrWarmUp(Action warmUp)
    {
        GeneratedModel? model;
        try
        {
            model = new ModelCache(_cacheFolder).TryLoad(_key) is { } image ? ModelHost.TryBuild(image, _key, fromCache: true) : null;
        }
        catch (Exception e)
        {
            // Thrown where Load would have thrown it, and only if the checked model is this one.
            _cached.SetException(e);
            return;
        }

        if (model is not null)
        {
            _cached.SetResult(model);
            return;
        }

        // Not cached (or an entry Load will not take either): the compile comes next unless the check finds errors.
        // Taking the (absent) model does not wait for the warm-up, which the real compile overtakes if it is not done.
        _cached.SetResult(null);
        if (_importsNothing.Task.GetAwaiter().GetResult())
        {
            Ignore(warmUp);
        }
    }

    private static void Ignore(Action work)
    {
        try
        {
            work();
        }
        catch (Exception)
        {
            // Only time is lost: the run does the same work again itself, and reports what fails.
        }
    }

    private static void WarmUpRoslyn() => ModelHost.Compile(WarmUpCode, WarmUpKey);
}
