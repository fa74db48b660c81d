using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using VirtLang.Compiler.Emit;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Profiles;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Compiler.Hosting;

/// <summary>
/// Compiles a model's generated C# in memory against the framework's reference assemblies and the runtime, loads it
/// in a collectible <see cref="AssemblyLoadContext"/> and runs its <c>Build</c> and <c>Scenarios</c>. The assembly is
/// cached by the hash of the model's files and of the compiler and runtime builds (<see cref="ModelCache"/>, verified
/// before loading), so a second run of an unchanged model skips Roslyn entirely. The cache is a folder of the user's
/// own (<c>VDL_CACHE_DIR</c>, else the user's cache folder).
/// </summary>
public static class ModelHost
{
    /// <summary>
    /// What the generated code is compiled against: the runtime's assembly and the platform's assemblies it references,
    /// transitively (with the core library its facades forward to). The generated code names only the runtime's types
    /// and what their members expose, so nothing else can be needed; every platform assembly (about 170) made Roslyn
    /// read and bind each one's metadata for every compile.
    /// </summary>
    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal); // the list may name an assembly twice
        var needed = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Queue<AssemblyName>([typeof(object).Assembly.GetName(), .. typeof(Topology).Assembly.GetReferencedAssemblies()]);
        while (pending.TryDequeue(out var name))
        {
            if (name.Name is { } simple && platform.ContainsKey(simple) && needed.Add(simple))
            {
                foreach (var reference in Assembly.Load(name).GetReferencedAssemblies())
                {
                    pending.Enqueue(reference);
                }
            }
        }

        return [.. needed.Select(n => MetadataReference.CreateFromFile(platform[n])), MetadataReference.CreateFromFile(typeof(Topology).Assembly.Location)];
    });

    public static string DefaultCacheDirectory =>
        Environment.GetEnvironmentVariable("VDL_CACHE_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "virtlang", "models");

    /// <summary>The name of the assembly attribute that carries the cache key an assembly was compiled for.</summary>
    internal const string KeyMetadataName = "VirtLang.ModelKey";

    /// <exception cref="GeneratedCodeException">The generated code did not compile, or threw while building the model.</exception>
    /// <exception cref="TraceFormatException">A trace file the model reads cannot be read any more (it changed since the check).</exception>
    /// <param name="headStart">What was started before the check (<see cref="ModelHeadStart"/>): its model when it loaded this very key from the cache.</param>
    public static GeneratedModel Load(ModelCompilation compilation, string? cacheDirectory = null, ModelHeadStart? headStart = null)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        var key = ModelKey.Of(compilation);
        var cache = new ModelCache(cacheDirectory ?? DefaultCacheDirectory);
        if (headStart?.Take(key, cache.Folder) is { } early)
        {
            return early;
        }

        if (cache.TryLoad(key) is { } cached && TryBuild(cached, key, fromCache: true) is { } fromCache)
        {
            return fromCache;
        }

        // Not cached, or an entry that did not verify: compiled again, and the entry replaced.
        var image = Compile(CSharpEmitter.Emit(compilation.SemanticModel), key);
        cache.Store(key, image);
        return TryBuild(image, key, fromCache: false) ?? throw new GeneratedCodeException("the generated assembly has no model class", []);
    }

    /// <summary>The model's assembly (what <c>vdl build --assembly</c> writes), compiled from its generated C#.</summary>
    /// <exception cref="GeneratedCodeException">The generated code did not compile.</exception>
    public static byte[] CompileAssembly(ModelCompilation compilation)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        return Compile(CSharpEmitter.Emit(compilation.SemanticModel), ModelKey.Of(compilation));
    }

    /// <summary>
    /// Loads the assembly and builds the model, or null when the assembly is not this model's: not loadable, without
    /// the model class, or compiled for another key. The key is checked after loading and before any of its code
    /// runs, so an entry whose seal was rewritten to name another model still never runs (docs/limits.md).
    /// </summary>
    internal static GeneratedModel? TryBuild(byte[] image, string key, bool fromCache)
    {
        var context = new AssemblyLoadContext("vdl-model-" + key[..12], isCollectible: true);
        try
        {
            Type? type;
            try
            {
                using var stream = new MemoryStream(image);
                var assembly = context.LoadFromStream(stream);
                var carried = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == KeyMetadataName)?.Value;
                type = carried == key ? assembly.GetType($"{CSharpEmitter.DefaultNamespace}.{CSharpEmitter.DefaultClass}") : null;
            }
            catch (Exception e) when (fromCache && e is BadImageFormatException or FileLoadException or IOException)
            {
                return null;
            }

            if (type is null)
            {
                return null;
            }

            var topology = (Topology)Invoke(type, "Build");
            var scenarios = (IReadOnlyList<ScenarioSpec>)Invoke(type, "Scenarios");
            return new GeneratedModel(topology, scenarios, fromCache);
        }
        finally
        {
            // The objects built are the runtime's own types: the generated code can go once they exist.
            context.Unload();
        }
    }

    private static object Invoke(Type type, string method)
    {
        try
        {
            return type.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;
        }
        catch (TargetInvocationException e) when (TraceProblem(e.InnerException) is { } trace)
        {
            // A trace file that changed since the check read it: the model's problem, told as the checker tells it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(trace);
            throw;
        }
        catch (TargetInvocationException e) when (e.InnerException is TopologyDataException data)
        {
            // The topology's data names the .vdl place of the record it was reading, as #line did for code.
            var where = data.File is { } file ? $"{file}({data.Line},1): " : string.Empty;
            var cause = data.InnerException ?? data;
            throw new GeneratedCodeException($"building the model failed: {cause.GetType().Name}: {cause.Message}", [$"{where}{cause.Message}"]);
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            // A frame of the generated code with a .vdl file name, if any, carries the model's line.
            var frame = new System.Diagnostics.StackTrace(inner, fNeedFileInfo: true).GetFrames()
                .FirstOrDefault(f => f.GetFileName() is { } name && name.EndsWith(".vdl", StringComparison.OrdinalIgnoreCase));
            var where = frame is null ? string.Empty : $"{frame.GetFileName()}({frame.GetFileLineNumber()},1): ";
            throw new GeneratedCodeException($"building the model failed: {inner.GetType().Name}: {inner.Message}", [$"{where}{inner.Message}"]);
        }
    }

    /// <summary>The trace problem behind an exception of the generated code (its catalog loads traces in a static initializer).</summary>
    private static TraceFormatException? TraceProblem(Exception? e) => e switch
    {
        TraceFormatException trace => trace,
        TypeInitializationException { InnerException: var inner } => TraceProblem(inner),
        _ => null,
    };

    internal static byte[] Compile(string code, string key)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(code, options, path: "Model.g.cs", encoding: Encoding.UTF8);

        // The key travels inside the assembly too, checked before it runs: the key is 64 hex digits, never user text.
        var keyTree = CSharpSyntaxTree.ParseText(
            $"[assembly: System.Reflection.AssemblyMetadata(\"{KeyMetadataName}\", \"{key}\")]\n", options, path: "ModelKey.g.cs", encoding: Encoding.UTF8);
        var compilation = CSharpCompilation.Create("VirtLang.Model." + key[..16], [tree, keyTree], References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, deterministic: true,
                nullableContextOptions: NullableContextOptions.Enable));
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe, options: new Microsoft.CodeAnalysis.Emit.EmitOptions(debugInformationFormat: Microsoft.CodeAnalysis.Emit.DebugInformationFormat.Embedded));
        if (!result.Success)
        {
            var problems = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d =>
            {
                var mapped = d.Location.GetMappedLineSpan();
                return $"{mapped.Path}({mapped.StartLinePosition.Line + 1},{mapped.StartLinePosition.Character + 1}): {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
            }).ToList();
            throw new GeneratedCodeException("the generated C# did not compile (a bug in vdl)", problems);
        }

        return pe.ToArray();
    }
}
