using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;
using VirtLang.Tests.Shared;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// One version for the whole release: Directory.Build.props sets it for every assembly and the MSBuild package, and the
/// VS Code extension's package.json, which MSBuild does not read, must say the same.
/// </summary>
public sealed class ReleaseVersionTests
{
    private static string PropsVersion()
    {
        var props = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        return props.Descendants("Version").Single().Value;
    }

    [Fact]
    public void The_extension_declares_the_version_the_build_gives_every_assembly()
    {
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "editors", "vscode", "package.json")));
        Assert.Equal(PropsVersion(), package.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public void The_compiler_assembly_carries_that_version()
    {
        var informational = typeof(ModelCompilation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(PropsVersion(), informational.Split('+')[0]);
        var version = typeof(ModelCompilation).Assembly.GetName().Version!;
        Assert.Equal(PropsVersion(), $"{version.Major}.{version.Minor}.{version.Build}");
    }
}
