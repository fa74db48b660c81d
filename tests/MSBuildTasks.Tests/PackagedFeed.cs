using System.Reflection;
using System.Xml.Linq;

namespace VirtLang.MSBuildTasks.Tests;

/// <summary>
/// The real package, packed once for the end-to-end tests into a folder feed, under a version of its own (so no
/// package cache can serve an older build of it), and a root folder whose nuget.config points at that feed. Restores
/// go to a package folder of their own; the test frameworks a consumer needs come from the user's package folder.
/// </summary>
public sealed class PackagedFeed : IDisposable
{
    private readonly TemporaryDirectory _root = new("vdl-msbuild-");

    public PackagedFeed()
    {
        Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        var feed = Path.Combine(Root, "feed");
        var configuration = typeof(PackagedFeed).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var project = Path.Combine(RepositoryPaths.Root, "src", "MSBuildTasks", "VirtLang.MSBuildTasks.csproj");
        Pack = DotnetProcess.Run(Root, "pack", project, "-c", configuration, "--no-build", "-o", feed, "-p:Version=" + Version);
        if (Pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed: " + Pack);
        }

        Package = Path.Combine(feed, $"VirtLang.MSBuild.{Version}.nupkg");
        var userPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" />
              </config>
              <packageSources>
                <add key="vdl-e2e" value="{feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="user" value="{userPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);

        // The consumer's test project uses the versions this repository pins.
        var pins = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        TestPackages = ["Microsoft.NET.Test.Sdk", "xunit", "xunit.runner.visualstudio"];
        TestPackageVersions = TestPackages.ToDictionary(p => p, p => pins[p]);
    }

    public string Root => _root.Path;

    public string Version { get; }

    public string Package { get; }

    internal ChildProcess.Result Pack { get; }

    public IReadOnlyList<string> TestPackages { get; }

    public IReadOnlyDictionary<string, string> TestPackageVersions { get; }

    /// <summary>A new consumer project folder under the root (so the root's nuget.config applies) with its csproj.</summary>
    public string CreateConsumer(string name, bool tests = false, string extraItems = "")
    {
        var directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        var references = $"    <PackageReference Include=\"VirtLang.MSBuild\" Version=\"{Version}\" />\n";
        if (tests)
        {
            references += string.Concat(TestPackages.Select(p => $"    <PackageReference Include=\"{p}\" Version=\"{TestPackageVersions[p]}\" />\n"));
        }

        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <OutputType>{(tests ? "Library" : "Exe")}</OutputType>
                {(tests ? "<IsTestProject>true</IsTestProject>" : string.Empty)}
              </PropertyGroup>
              <ItemGroup>
            {references}{extraItems}  </ItemGroup>
            </Project>
            """);
        return directory;
    }

    public void Dispose() => _root.Dispose();
}
