using FsCheck;
using FsCheck.Fluent;
using VirtLang.Language.Formatting;
using VirtLang.Language.Syntax;

namespace VirtLang.Language.Tests;

/// <summary>The formatter is idempotent, keeps every comment and changes only layout, on every example and on edits of them.</summary>
public sealed class FormatterProperties
{
    public static TheoryData<string> ExampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Examples, "*.vdl").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void EveryExampleIsAlreadyFormatted(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, file));
        var tree = SyntaxTree.Parse(text, file);
        Assert.Empty(tree.Diagnostics);
        Assert.Equal(text, Formatter.Format(tree));
    }

    [Fact]
    public void FormattingIsIdempotentCommentPreservingAndLayoutOnly()
    {
        var formatted = 0;
        foreach (var text in VdlInputs.LightlyEditedFile.Sample(2_000, 10))
        {
            formatted += CheckFormatting(text) ? 1 : 0;
        }

        // The edits keep most files valid, so the formatter must have worked on most of them.
        Assert.True(formatted > 1_000, $"only {formatted} of 2000 edited files were formatted");
    }

    [Fact]
    public void FormattingMutatedFilesNeverLosesAComment()
    {
        foreach (var text in VdlInputs.MutatedFile.Sample(3_000, 10))
        {
            CheckFormatting(text);
        }
    }

    /// <summary>Inputs a random property once found, kept so that they stay fixed whatever the sample.</summary>
    [Theory]
    [InlineData("import \"catalog.vdl\"\nimport \"../shared/hardware.vdl\" // shared\n\nhost h : r740 {;}\n")] // `{;}` gave `{` newline `}`, then `{}`
    [InlineData("host h : r740 { ; ; }\n")]
    [InlineData("host h : r740 { ; // kept\n}\n")]
    public void FoundByThePropertiesAndFixed(string text) => Assert.True(CheckFormatting(text));

    [Fact]
    public void ABlockOfBareSemicolonsIsEmptyAtOnce() =>
        Assert.Equal("host h : r740 {}\n", Formatter.Format(SyntaxTree.Parse("host h : r740 {;}\n")));

    /// <summary>Checks one input; returns whether the formatter accepted it.</summary>
    internal static bool CheckFormatting(string text)
    {
        var tree = SyntaxTree.Parse(text);
        var once = Formatter.Format(tree);
        if (once is null)
        {
            Assert.True(Formatter.HasStructuralErrors(tree));
            return false;
        }

        var reparsed = SyntaxTree.Parse(once);
        Assert.False(Formatter.HasStructuralErrors(reparsed), $"formatting broke the structure of:\n{text}\n---\n{once}");
        var twice = Formatter.Format(reparsed);
        Assert.True(once == twice, $"not idempotent on input:\n{SyntaxDumper.Quote(text, 100_000)}\n--- once:\n{once}\n--- twice:\n{twice}");
        Assert.Equal(Comments(tree), Comments(reparsed));
        Assert.Equal(MeaningfulTokens(tree), MeaningfulTokens(reparsed));
        return true;
    }

    private static List<string> Comments(SyntaxTree tree) =>
        [.. tree.Root.DescendantTokens()
            .SelectMany(t => t.LeadingTrivia.Concat(t.TrailingTrivia))
            .Where(t => t.IsComment)
            .Select(t => t.Kind == SyntaxKind.SingleLineCommentTrivia ? t.Text.TrimEnd() : t.Text)];

    /// <summary>Tokens that carry meaning: everything but `;` and commas (a trailing comma may come or go).</summary>
    private static List<string> MeaningfulTokens(SyntaxTree tree) =>
        [.. tree.Root.DescendantTokens()
            .Where(t => t.Kind is not (SyntaxKind.Semicolon or SyntaxKind.Comma))
            .Select(t => $"{t.Kind}:{t.Text}")];
}
