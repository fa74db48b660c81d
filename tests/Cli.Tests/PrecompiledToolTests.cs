using System.Reflection;
using System.Reflection.PortableExecutable;

namespace VirtLang.Cli.Tests;

/// <summary>
/// A Release build of vdl precompiles the assemblies on <c>vdl run</c>'s path in its build output
/// (src/Cli/PrecompileTool.targets); a Debug build leaves them IL. The precompiled tool must tell the same truth: its
/// results are compared byte for byte with those of the tool beside these tests, whose simulator, checker, compiler
/// and Roslyn are the IL copies of the projects' outputs and packages (only its vdl.dll is the precompiled one).
/// </summary>
public sealed class PrecompiledToolTests
{
    // The list of PrecompileTool.targets, restated here on purpose: the test says what a user's `vdl run` loads.
    private static readonly string[] OnRunsPath =
    [
        "vdl", "VirtLang.Language", "VirtLang.Compiler", "VirtLang.Compiler.CSharp", "VirtLang.Runtime", "VirtLang.Sweeps",
        "VirtLang.Import", "VirtLang.Planning", "VirtLang.LanguageServer", "VirtLang.Sweeps.Orleans", "System.CommandLine",
        "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp",
    ];

    private static string Configuration =>
        typeof(PrecompiledToolTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    private static string ToolDirectory => Path.Combine(RepositoryPaths.Root, "src", "Cli", "bin", Configuration, "net10.0");

    [Fact]
    public void AReleaseBuildPrecompilesTheAssembliesOnRunsPathAndADebugBuildNone()
    {
        var release = Configuration == "Release";
        foreach (var name in OnRunsPath)
        {
            Assert.True(release == IsPrecompiled(Path.Combine(ToolDirectory, name + ".dll")), $"{name}.dll in a {Configuration} build");
        }

        // What loads only for its own verb stays as its package ships it.
        Assert.False(IsPrecompiled(Path.Combine(ToolDirectory, "Google.OrTools.dll")));
        Assert.False(IsPrecompiled(Path.Combine(ToolDirectory, "Orleans.Core.dll")));
    }

    [Fact]
    public void ThePrecompiledToolsResultsAreTheIlToolsByteForByte()
    {
        Assert.False(IsPrecompiled(Path.Combine(AppContext.BaseDirectory, "VirtLang.Runtime.dll")), "the tests' own copy of the runtime is IL");
        using var folder = new TemporaryDirectory("vdl-precompiled-");
        foreach (var example in new[] { "datacenter.vdl", "availability.vdl", "hosted.vdl" })
        {
            var path = Path.Combine(RepositoryPaths.Examples, example);
            var built = Run(Path.Combine(ToolDirectory, "vdl.dll"), folder.Path, "built", path);
            var beside = Run(Path.Combine(AppContext.BaseDirectory, "vdl.dll"), folder.Path, "beside", path);
            Assert.Equal(0, built.ExitCode);
            Assert.Equal(beside.Output, built.Output);
        }
    }

    private static ChildProcess.Result Run(string vdl, string folder, string cache, string model) =>
        ChildProcess.Run(ChildProcess.Dotnet, folder, [vdl, "run", model, "--json", "-"],
            info => info.Environment["VDL_CACHE_DIR"] = Path.Combine(folder, cache));

    /// <summary>A ReadyToRun image carries a managed native header (its READYTORUN_HEADER); an IL-only assembly none.</summary>
    private static bool IsPrecompiled(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        return reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }
}
