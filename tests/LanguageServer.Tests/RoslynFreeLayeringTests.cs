using System.Reflection;
using VirtLang.LanguageServer;

namespace VirtLang.LanguageServer.Tests;

/// <summary>
/// The language server and the checker it hosts do not carry Roslyn: emitting and compiling C# lives in
/// VirtLang.Compiler.CSharp, which only the commands that run or build models reference (docs/architecture.md).
/// </summary>
public sealed class RoslynFreeLayeringTests
{
    [Fact]
    public void The_language_server_reaches_no_Roslyn_assembly_through_its_references()
    {
        var reached = ReferenceClosure(typeof(VdlLanguageServer).Assembly);

        Assert.Contains("VirtLang.Compiler", reached);
        Assert.Contains("VirtLang.Language", reached);
        Assert.DoesNotContain(reached, name => name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Assert.DoesNotContain("VirtLang.Compiler.CSharp", reached);
    }

    /// <summary>Every assembly reachable from <paramref name="root"/> by metadata references, framework ones left out.</summary>
    private static SortedSet<string> ReferenceClosure(Assembly root)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<AssemblyName>(root.GetReferencedAssemblies());
        while (pending.TryPop(out var name))
        {
            if (name.Name is not { } simple || IsFramework(simple) || !seen.Add(simple))
            {
                continue;
            }

            foreach (var next in Assembly.Load(name).GetReferencedAssemblies())
            {
                pending.Push(next);
            }
        }

        return seen;
    }

    private static bool IsFramework(string name) =>
        name.StartsWith("System", StringComparison.Ordinal) || name is "mscorlib" or "netstandard";
}
