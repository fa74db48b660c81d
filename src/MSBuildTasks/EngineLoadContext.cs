using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;

namespace VirtLang.MSBuildTasks;

/// <summary>
/// The load context of the compiler side (the <c>engine</c> folder beside this assembly): the VirtLang compiler,
/// its Roslyn and Sprache resolve from that folder through its deps.json, never from what MSBuild or another task
/// has loaded; only MSBuild's own assemblies are shared, so the engine's task can log through this build's engine.
/// One per engine folder for the life of the MSBuild node: loading Roslyn once is what keeps builds fast.
/// </summary>
internal sealed class EngineLoadContext : AssemblyLoadContext
{
    public const string EngineAssemblyName = "VirtLang.MSBuildTasks.Engine";

    private static readonly ConcurrentDictionary<string, EngineLoadContext> Contexts = new(StringComparer.Ordinal);

    private readonly AssemblyDependencyResolver _resolver;

    private EngineLoadContext(string enginePath)
        : base("VirtLang.MSBuild engine", isCollectible: false)
    {
        _resolver = new AssemblyDependencyResolver(enginePath);
        Engine = LoadFromAssemblyPath(enginePath);
    }

    public Assembly Engine { get; }

    /// <summary>The engine next to this assembly (<c>engine/VirtLang.MSBuildTasks.Engine.dll</c>).</summary>
    public static EngineLoadContext ForThisPackage()
    {
        var directory = Path.GetDirectoryName(typeof(EngineLoadContext).Assembly.Location) ?? AppContext.BaseDirectory;
        var enginePath = Path.Combine(directory, "engine", EngineAssemblyName + ".dll");
        if (!File.Exists(enginePath))
        {
            throw new FileNotFoundException($"the VirtLang compiler is missing from the package: {enginePath}", enginePath);
        }

        return Contexts.GetOrAdd(enginePath, path => new EngineLoadContext(path));
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // MSBuild's own assemblies come from MSBuild: the engine's task derives from its Task and logs to its engine.
        if (assemblyName.Name is { } name && (name == "Microsoft.Build" || name.StartsWith("Microsoft.Build.", StringComparison.Ordinal)))
        {
            return null;
        }

        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
