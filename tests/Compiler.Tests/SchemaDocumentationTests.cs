using System.Text;
using VirtLang.Compiler.Schema;

namespace VirtLang.Compiler.Tests;

public sealed class SchemaDocumentationTests
{
    private const string Begin = "<!-- schema:begin -->\n";
    private const string End = "<!-- schema:end -->";

    /// <summary>docs/language.md shows the schema the checker uses; VDL_UPDATE_BASELINES=1 rewrites the section.</summary>
    [Fact]
    public void TheLanguageReferenceShowsTheCheckersSchema()
    {
        var path = Path.Combine(RepositoryPaths.Root, "docs", "language.md");
        var page = File.ReadAllText(path);
        var start = page.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length;
        var end = page.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= Begin.Length && end >= start, "the schema markers are missing from docs/language.md");

        var expected = SchemaDocumentation.ToMarkdown();
        if (Environment.GetEnvironmentVariable("VDL_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(path, page[..start] + expected + page[end..], new UTF8Encoding(false));
            return;
        }

        Assert.Equal(expected, page[start..end]);
    }

    [Fact]
    public void EveryBlockKindIsDocumentedOnce()
    {
        var markdown = SchemaDocumentation.ToMarkdown();
        foreach (var kind in ModelSchema.Blocks.Keys)
        {
            Assert.Single(markdown.Split('\n'), line => line.StartsWith($"### `{kind} ", StringComparison.Ordinal));
        }
    }
}
