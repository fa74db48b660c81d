using VirtLang.Compiler.Diagnostics;

namespace VirtLang.Compiler.Tests;

public sealed partial class DiagnosticCatalogTests
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

    /// <summary>
    /// A format that is only placeholders (<c>"{0}"</c>) lets every call site write its own sentence, so nothing holds the
    /// messages of one code to one problem. Each format's fixed words must say the problem; the arguments, what varies.
    /// </summary>
    [Fact]
    public void NoMessageFormatIsOnlyPlaceholders()
    {
        var bare = DiagnosticCatalog.All.Where(d => !Placeholder().Replace(d.MessageFormat, string.Empty).Any(char.IsLetter)).Select(d => d.Code).ToList();
        Assert.True(bare.Count == 0, "formats with no fixed words: " + string.Join(", ", bare));
    }

    [Fact]
    public void EveryFormatUsesEachOfItsArguments()
    {
        Assert.True(AppContext.TryGetSwitch(Language.Diagnostics.MessageFormatArity.SwitchName, out var on) && on, "the test projects turn the arity check on");
        Assert.All(DiagnosticCatalog.All, d => Assert.Equal(Enumerable.Range(0, d.ArgumentCount), Language.Diagnostics.MessageFormatArity.Placeholders(d.MessageFormat).Order()));
        Assert.Equal(4, Language.Diagnostics.MessageFormatArity.ArgumentCount("{0} {{literal}} {3:N0} {1,5} {2}"));
    }

    [Fact]
    public void ADiagnosticWithTheWrongNumberOfArgumentsIsRefused()
    {
        var location = new Language.Diagnostics.Location(Language.Text.SourceText.From("x", "m.vdl"), new Language.Text.TextSpan(0, 1));
        var error = Assert.Throws<InvalidOperationException>(() => new Language.Diagnostics.Diagnostic(CompilerDiagnostics.UnusedFailureParameter, location, ["shape"]));
        Assert.Contains("VDL1046", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => new Language.Diagnostics.Diagnostic(CompilerDiagnostics.UnusedFailureParameter, location, ["shape", "why", "extra"]));
        Assert.Equal("`shape` is not used: why", new Language.Diagnostics.Diagnostic(CompilerDiagnostics.UnusedFailureParameter, location, ["shape", "why"]).Message);
    }

    [Fact]
    public void CodesAreUniqueAndInTheirRange()
    {
        var codes = DiagnosticCatalog.All.Select(d => d.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches("^VDL([0-5][0-9]{3}|60[0-4][0-9]|70[01][0-9]|9001|9101)$", c));
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

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\d+(,-?\d+)?(:[^}]*)?\}")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();
}
