using System.Text;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Formatting;
using VirtLang.Language.Syntax;
using VirtLang.Language.Text;

namespace VirtLang.Language.Tests;

/// <summary>
/// Baselines in the manner of Bicep's: each folder under Baselines/ holds input.vdl and one expected file per stage
/// (tokens.txt, syntax.txt, diagnostics.txt, formatted.vdl — the last only when the formatter accepts the input).
/// Set VDL_UPDATE_BASELINES=1 to rewrite the expected files from the current output, then review the diff.
/// </summary>
public sealed class BaselineTests
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("VDL_UPDATE_BASELINES") == "1";

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var directory in Directory.GetDirectories(RepositoryPaths.Baselines).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(directory));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Tokens(string sample)
    {
        var text = Load(sample);
        var tokens = SyntaxTree.Tokenize(text, out var diagnostics);
        Assert.Equal(SyntaxKind.EndOfFile, tokens[^1].Kind);
        Verify(sample, "tokens.txt", SyntaxDumper.DumpTokens(tokens) + Render(diagnostics));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Syntax(string sample)
    {
        var tree = SyntaxTree.Parse(Load(sample));
        Verify(sample, "syntax.txt", SyntaxDumper.DumpTree(tree.Root));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Diagnostics(string sample)
    {
        var tree = SyntaxTree.Parse(Load(sample));
        Verify(sample, "diagnostics.txt", Render(tree.Diagnostics));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Formatted(string sample)
    {
        var tree = SyntaxTree.Parse(Load(sample));
        var formatted = Formatter.Format(tree);
        var path = Path.Combine(RepositoryPaths.Baselines, sample, "formatted.vdl");
        if (formatted is null)
        {
            // Refused (structural errors): there must be no expected output, and the refusal must be for a reason.
            Assert.True(Formatter.HasStructuralErrors(tree));
            if (Update && File.Exists(path))
            {
                File.Delete(path);
            }

            Assert.False(File.Exists(path), $"{sample}: the formatter refused the input but formatted.vdl exists");
            return;
        }

        Verify(sample, "formatted.vdl", formatted);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void RoundTripsByteForByte(string sample)
    {
        var text = Load(sample);
        var tree = SyntaxTree.Parse(text);
        Assert.Equal(text.Text, tree.Root.ToFullString());
    }

    [Fact]
    public void ThereAreAtLeastTwentyMalformedSamples()
    {
        var malformed = Directory.GetDirectories(RepositoryPaths.Baselines)
            .Count(directory => SyntaxTree.Parse(Load(Path.GetFileName(directory))).HasErrors);
        Assert.True(malformed >= 20, $"only {malformed} malformed baselines");
    }

    private static SourceText Load(string sample) =>
        SourceDecoder.Decode(File.ReadAllBytes(Path.Combine(RepositoryPaths.Baselines, sample, "input.vdl")), "input.vdl");

    private static string Render(IEnumerable<Diagnostic> diagnostics)
    {
        var sb = new StringBuilder();
        foreach (var d in diagnostics)
        {
            var start = d.Location.Start;
            var end = d.Location.End;
            sb.Append($"({start.Line},{start.Column})-({end.Line},{end.Column}) {Diagnostic.SeverityWord(d.Severity)} {d.Code}: {d.Message}\n");
            foreach (var related in d.RelatedLocations)
            {
                sb.Append($"  related ({related.Location.Start.Line},{related.Location.Start.Column}): {related.Message}\n");
            }
        }

        return sb.ToString();
    }

    private static void Verify(string sample, string stage, string actual)
    {
        var path = Path.Combine(RepositoryPaths.Baselines, sample, stage);
        if (Update)
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(path), $"{sample}/{stage} is missing; run the tests with VDL_UPDATE_BASELINES=1 and review the new file");
        var expected = File.ReadAllText(path, Encoding.UTF8);
        Assert.Equal(expected, actual);
    }
}
