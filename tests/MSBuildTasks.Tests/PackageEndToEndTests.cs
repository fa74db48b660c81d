using System.IO.Compression;
using System.Text.RegularExpressions;

namespace VirtLang.MSBuildTasks.Tests;

/// <summary>
/// The package for real: packed, restored from a folder feed into consumer projects made here, and built with
/// `dotnet build`, `dotnet test` and `dotnet clean`; the assertions read their output and detailed logs.
/// </summary>
public sealed class PackageEndToEndTests(PackagedFeed feed) : IClassFixture<PackagedFeed>
{
    private static readonly string Consumers = Path.Combine(AppContext.BaseDirectory, "Consumers");

    [Fact]
    public void ThePackageHoldsTheTasksTheirOwnCompilerAndTheRuntime()
    {
        using var package = ZipFile.OpenRead(feed.Package);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("buildTransitive/VirtLang.MSBuild.props", entries);
        Assert.Contains("buildTransitive/VirtLang.MSBuild.targets", entries);
        Assert.Contains("build/VirtLang.MSBuild.targets", entries);
        Assert.Contains("tasks/net10.0/VirtLang.MSBuildTasks.dll", entries);
        Assert.Contains("tasks/net10.0/engine/VirtLang.MSBuildTasks.Engine.dll", entries);
        Assert.Contains("tasks/net10.0/engine/VirtLang.MSBuildTasks.Engine.deps.json", entries);
        Assert.Contains("tasks/net10.0/engine/Microsoft.CodeAnalysis.CSharp.dll", entries);
        Assert.Contains("tasks/net10.0/engine/Sprache.dll", entries);
        Assert.Contains("lib/net10.0/VirtLang.Runtime.dll", entries);

        // MSBuild's own assemblies are never shipped: the tasks must use the ones of the MSBuild that loads them.
        Assert.DoesNotContain(entries, e => Path.GetFileName(e).StartsWith("Microsoft.Build", StringComparison.Ordinal));
    }

    [Fact]
    public void AConsumersOwnTestRunsAScenarioOfAModelThatImportsAnotherFolder()
    {
        var project = feed.CreateConsumer("Consumer", tests: true);
        Copy("catalog.vdl", project, "infra/shared/catalog.vdl");
        Copy("dc.vdl", project, "infra/site/dc.vdl");
        Copy("ModelTests.cs.txt", project, "ModelTests.cs");

        var build = DotnetProcess.Run(project, "build", "-v:d");
        Assert.True(build.ExitCode == 0, build.ToString());

        // The model generated in its folder, into the intermediate output; the catalog it imports is a library, no model.
        var generated = Path.Combine(project, "obj", "Debug", "net10.0", "vdl", "infra");
        Assert.DoesNotContain("class", File.ReadAllText(Path.Combine(generated, "shared", "catalog.g.cs")), StringComparison.Ordinal);
        Assert.Contains("public static class DcModel", File.ReadAllText(Path.Combine(generated, "site", "dc.g.cs")), StringComparison.Ordinal);

        // The compiler and its Roslyn ran from the package's engine folder, in the load context made for them.
        var engine = Path.Combine(feed.Root, "packages", "virtlang.msbuild", feed.Version.ToLowerInvariant(), "tasks", "net10.0", "engine");
        Assert.Contains($"VirtLang compiler in load context 'VirtLang.MSBuild engine'; Roslyn ", build.Output, StringComparison.Ordinal);
        Assert.Contains($" from {Path.Combine(engine, "Microsoft.CodeAnalysis.dll")}", build.Output, StringComparison.Ordinal);

        var test = DotnetProcess.Run(project, "test");
        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Matches(@"Passed!\s+- Failed:\s+0, Passed:\s+2,", test.Output); // the scenario runs, and meets its expectations
    }

    [Fact]
    public void ABrokenModelFailsTheBuildWithCanonicalErrors()
    {
        var project = feed.CreateConsumer("Broken");
        Write(project, "Program.cs", "System.Console.WriteLine();\n");
        Write(project, "infra/dc.vdl", "host h {\n  memory = 4GX\n}\n");
        var build = DotnetProcess.Run(project, "build");
        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"[/\\]infra[/\\]dc\.vdl\(2,13,2,15\): error VDL0011: `GX` is not a unit", build.Output);
        Assert.DoesNotContain("error CS", build.Output, StringComparison.Ordinal);

        // A design-time build (the IDE's, on every keystroke in the project) leaves the check to real builds.
        var designTime = DotnetProcess.Run(project, "build", "-p:DesignTimeBuild=true", "-v:n");
        Assert.True(designTime.ExitCode == 0, designTime.ToString());
        Assert.DoesNotContain("VDL0011", designTime.Output, StringComparison.Ordinal);

        // Default items can be turned off, as EnableDefaultCompileItems can: then there is no model to fail on.
        var without = DotnetProcess.Run(project, "build", "-p:EnableDefaultVdlItems=false");
        Assert.True(without.ExitCode == 0, without.ToString());
    }

    [Fact]
    public void ANoChangeBuildSkipsTheCheckYetShowsTheWarningsAndAnImportChangeChecksAgain()
    {
        // The catalog is only imported, not a model of its own: its change must reach the check through the import.
        var project = feed.CreateConsumer("Incremental", extraItems: "    <VdlFile Remove=\"models/catalog.vdl\" />\n");
        Write(project, "Program.cs", "System.Console.WriteLine(Incremental.LabModel.Build().Hosts.Count);\n");
        Copy("lab-catalog.vdl", project, "models/catalog.vdl");
        Copy("lab.vdl", project, "models/lab.vdl");
        var warning = new Regex(@"[/\\]models[/\\]lab\.vdl\(21,15,21,17\): warning VDL5002: ");

        var first = DotnetProcess.Run(project, "build", "-v:d");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Building target \"VdlCompile\" completely.", first.Output, StringComparison.Ordinal);
        Assert.Matches(warning, first.Output);

        var second = DotnetProcess.Run(project, "build", "-v:d");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Skipping target \"VdlCompile\" because all output files are up-to-date with respect to the input files.", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("VirtLang: checked", second.Output, StringComparison.Ordinal);
        Assert.Matches(warning, second.Output);

        // Only the imported file changes: the check runs again, because of it.
        File.AppendAllText(Path.Combine(project, "models", "catalog.vdl"), "// touched\n");
        var third = DotnetProcess.Run(project, "build", "-v:d");
        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.Contains($"Input file \"{Path.Combine(project, "models", "catalog.vdl")}\" is newer than output file", third.Output, StringComparison.Ordinal);
        Assert.Contains("VirtLang: checked 1 model(s)", third.Output, StringComparison.Ordinal);

        // The standard warning properties, and VirtLang's own, apply to the replayed warnings too.
        var strict = DotnetProcess.Run(project, "build", "-p:TreatWarningsAsErrors=true");
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Matches(@"lab\.vdl\(21,15,21,17\): error VDL5002: ", strict.Output);
        Assert.NotEqual(0, DotnetProcess.Run(project, "build", "-p:VdlTreatWarningsAsErrors=true").ExitCode);
        Assert.NotEqual(0, DotnetProcess.Run(project, "build", "-p:WarningsAsErrors=VDL5002").ExitCode);
        var quiet = DotnetProcess.Run(project, "build", "-p:NoWarn=VDL5002");
        Assert.True(quiet.ExitCode == 0, quiet.ToString());
        Assert.DoesNotContain("VDL5002", quiet.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("VDL5002", DotnetProcess.Run(project, "build", "-p:VdlNoWarn=VDL5002").Output, StringComparison.Ordinal);

        // dotnet clean removes what the build generated.
        var vdl = Path.Combine(project, "obj", "Debug", "net10.0", "vdl");
        Assert.True(File.Exists(Path.Combine(vdl, "models", "lab.g.cs")));
        var clean = DotnetProcess.Run(project, "clean");
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.False(File.Exists(Path.Combine(vdl, "models", "lab.g.cs")));
        Assert.False(File.Exists(Path.Combine(vdl, "diagnostics.json")));
    }

    private static void Copy(string name, string project, string to)
    {
        var target = Path.Combine(project, to);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(Consumers, name), target);
    }

    private static void Write(string project, string to, string text)
    {
        var target = Path.Combine(project, to);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, text);
    }
}
