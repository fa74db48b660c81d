using System.Text.RegularExpressions;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Language.Text;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// Each page docs/diagnostics/VDLnnnn.md with a <c>```vdl</c> block under <c>## Example</c> shows its mistake: the
/// example, checked as a model, must report the page's code. Pages are written against the catalog of
/// examples/broken (<c>r740</c>, <c>rhel8</c>, <c>ledger</c>...), so the example is checked as a file beside it that
/// imports it. An example that is a fragment (a guest without its host, an attribute without its block) says where it
/// stands with a comment on the line before its fence, <c>&lt;!-- checked inside: host h : r740 { --&gt;</c>: the test puts the
/// example after that text and closes the braces it leaves open. Pages whose example cannot be checked alone are
/// listed in <see cref="NotCheckedAlone"/> with the reason.
/// </summary>
public sealed partial class DiagnosticPageExampleTests
{
    private static readonly string Pages = Path.Combine(RepositoryPaths.Root, "docs", "diagnostics");

    /// <summary>Codes whose example is not a model the checker alone can report it from, and why.</summary>
    private static readonly Dictionary<string, string> NotCheckedAlone = new(StringComparer.Ordinal)
    {
        ["VDL0030"] = "a limit of the front-end: the example elides the thousands of tokens or nesting levels it takes",
        ["VDL0031"] = "a limit of the front-end: the example elides the thousands of tokens or nesting levels it takes",
        ["VDL0035"] = "a limit of the front-end: the example elides the thousands of declarations it takes",
        ["VDL0036"] = "a limit on imports: it takes a chain or a number of files, not one page's text",
        ["VDL0037"] = "a limit on imports: it takes a chain or a number of files, not one page's text",
        ["VDL0040"] = "file content: the mistake is in the file's bytes (encoding, control characters), which a page shows as text",
        ["VDL0041"] = "file content: the mistake is in the file's bytes (encoding, control characters), which a page shows as text",
        ["VDL0042"] = "file content: the mistake is in the file's bytes (encoding, control characters), which a page shows as text",
        ["VDL1021"] = "an import cycle takes two files; examples/broken/VDL1021.vdl and VDL1021-other.vdl check it",
        ["VDL1040"] = "a model past a million hosts and guests; examples/broken/VDL1040.vdl checks it",
    };

    public static TheoryData<string> PagesWithAnExample() => [.. CodesWithAnExample()];

    private static IEnumerable<string> CodesWithAnExample() =>
        Directory.GetFiles(Pages, "VDL*.md").Order(StringComparer.Ordinal)
            .Where(page => Example().IsMatch(File.ReadAllText(page)))
            .Select(page => Path.GetFileNameWithoutExtension(page)!);

    [Theory]
    [MemberData(nameof(PagesWithAnExample))]
    public void ThePageExampleReportsItsCode(string code)
    {
        if (NotCheckedAlone.ContainsKey(code) || IsCheckedElsewhere(code))
        {
            return;
        }

        var match = Example().Match(File.ReadAllText(Path.Combine(Pages, code + ".md")));
        var prefix = match.Groups[1].Success ? match.Groups[1].Value.Trim() + "\n" : string.Empty;
        var closing = new string('}', prefix.Count(c => c == '{') - prefix.Count(c => c == '}'));
        var text = $"import \"catalog.vdl\"\n\n{prefix}{match.Groups[2].Value}{closing}\n";

        // The examples of advice (VDL5xxx) are checked beside the advice models, whose configuration keeps VDL5001 and
        // VDL5004 on; the others beside the broken models, which silence the idle hosts a fragment leaves.
        var folder = Path.Combine(RepositoryPaths.Examples, "broken");
        if (code.StartsWith("VDL5", StringComparison.Ordinal))
        {
            folder = Path.Combine(folder, "advice");
            text = text.Replace("import \"catalog.vdl\"", "import \"../catalog.vdl\"", StringComparison.Ordinal);
        }

        var source = SourceText.From(text, Path.Combine(folder, $"page-{code}.vdl"));
        var reported = ModelCompilation.Create([source]).Diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(reported.Contains(code), $"the example of {code}.md reports {(reported.Count == 0 ? "nothing" : string.Join(", ", reported))}, not {code}:\n{text}");
    }

    [Fact]
    public void TheWrappingCommentIsNotShownToReaders()
    {
        Assert.Contains("<!-- checked inside:", File.ReadAllText(Path.Combine(Pages, "VDL4001.md")), StringComparison.Ordinal);
        var page = DiagnosticDocumentation.GetPage("VDL4001")!;
        Assert.DoesNotContain("<!--", page, StringComparison.Ordinal);
        Assert.Contains("## Example\n\n```vdl\nvm shared {", page, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryPageLeftUncheckedHasAnExampleAndAReason()
    {
        var withExample = CodesWithAnExample().ToHashSet(StringComparer.Ordinal);
        Assert.All(NotCheckedAlone, entry =>
        {
            Assert.Contains(entry.Key, withExample);
            Assert.False(IsCheckedElsewhere(entry.Key), entry.Key + " is already outside the checker's reach");
            Assert.False(string.IsNullOrWhiteSpace(entry.Value));
        });
        Assert.NotNull(DiagnosticCatalog.Find(NotCheckedAlone.Keys.First()));
    }

    /// <summary>
    /// VDL91xx are the MSBuild integration's (about a project), VDL6xxx <c>vdl import</c>'s (about a foreign file),
    /// VDL7xxx <c>vdl plan</c>'s (a plan that cannot be made), VDL9001 an internal failure: none comes from checking a model.
    /// </summary>
    private static bool IsCheckedElsewhere(string code) =>
        code.StartsWith("VDL91", StringComparison.Ordinal) || code.StartsWith("VDL6", StringComparison.Ordinal)
        || code.StartsWith("VDL7", StringComparison.Ordinal) || code == "VDL9001";

    /// <summary>The first <c>```vdl</c> block under <c>## Example</c>, with the optional wrapping comment before it.</summary>
    [GeneratedRegex(@"## Example\n\n(?:<!-- checked inside:\s*(.*?)-->\n)?```vdl\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();
}
