using VirtLang.Compiler.Diagnostics;

namespace VirtLang.Compiler.Tests;

public sealed class DiagnosticCatalogTests
{
    [Fact]
    public void EveryCodeHasAPageAndEveryPageACode()
    {
        var codes = DiagnosticCatalog.All.Select(d => d.Code).ToList();
        Assert.Equal(codes, DiagnosticDocumentation.DocumentedCodes);
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            var page = DiagnosticDocumentation.GetPage(descriptor.Code);
            Assert.NotNull(page);
            Assert.StartsWith($"# {descriptor.Code}: {descriptor.Title}\n", page, StringComparison.Ordinal);
            Assert.Contains("## Fix", page, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The <c>All</c> lists are written by hand; a descriptor left out of them would escape every catalog test (no page
    /// required, no range checked, unknown to `vdl explain`). Every descriptor declared in the language's and the
    /// compiler's assemblies, found by reflection, must be in the catalog.
    /// </summary>
    [Fact]
    public void EveryDeclaredDescriptorIsInTheCatalog()
    {
        var assemblies = new[] { typeof(Language.Diagnostics.DiagnosticDescriptor).Assembly, typeof(DiagnosticCatalog).Assembly };
        const System.Reflection.BindingFlags Static = System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic;
        var declared = assemblies.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(Static).Where(f => f.FieldType == typeof(Language.Diagnostics.DiagnosticDescriptor)).Select(f => (Language.Diagnostics.DiagnosticDescriptor)f.GetValue(null)!))
            .Distinct()
            .ToList();
        Assert.NotEmpty(declared);
        var missing = declared.Where(d => !DiagnosticCatalog.All.Contains(d)).Select(d => d.Code).ToList();
        Assert.True(missing.Count == 0, "declared but not in an All list: " + string.Join(", ", missing));
        Assert.Equal(DiagnosticCatalog.All.Count, declared.Count);
    }

    [Fact]
    public void CodesAreUniqueAndInTheirRange()
    {
        var codes = DiagnosticCatalog.All.Select(d => d.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches("^VDL([0-5][0-9]{3}|9001|9101)$", c));
    }

    [Fact]
    public void CodesAreFoundCaseInsensitively()
    {
        Assert.Same(DiagnosticCatalog.Find("VDL0001"), DiagnosticCatalog.Find("vdl0001"));
        Assert.Null(DiagnosticCatalog.Find("VDL9999"));
        Assert.Null(DiagnosticDocumentation.GetPage("nonsense"));
    }

    [Fact]
    public void TheCatalogPageListsEveryCode()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "diagnostics", "README.md"));
        Assert.All(DiagnosticCatalog.All, d => Assert.Contains($"[{d.Code}]({d.Code}.md)", readme, StringComparison.Ordinal));
    }
}
