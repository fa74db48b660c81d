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

    [Fact]
    public void CodesAreUniqueAndInTheirRange()
    {
        var codes = DiagnosticCatalog.All.Select(d => d.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches("^VDL([0-5][0-9]{3}|70[01][0-9]|9001|9101)$", c));
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
