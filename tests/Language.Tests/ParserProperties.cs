using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using VirtLang.Language.Syntax;
using VirtLang.Language.Text;

namespace VirtLang.Language.Tests;

/// <summary>Invariants of the front-end over 10,000 generated and mutated inputs per property.</summary>
public sealed class ParserProperties
{
    [Property(MaxTest = 10_000, Arbitrary = [typeof(VdlInputs)])]
    public void ParsingNeverThrowsAndPrintsTheInputBack(VdlInput input)
    {
        var tree = SyntaxTree.Parse(input.Text);
        Assert.Equal(input.Text, tree.Root.ToFullString());
    }

    [Property(MaxTest = 10_000, Arbitrary = [typeof(VdlInputs)])]
    public void TokensTileTheTextAndDiagnosticsLieInsideIt(VdlInput input)
    {
        var tree = SyntaxTree.Parse(input.Text);
        var position = 0;
        foreach (var token in tree.Root.DescendantTokens())
        {
            var full = token.FullSpan;
            if (token.IsMissing)
            {
                continue;
            }

            Assert.Equal(position, full.Start);
            position = full.End;
        }

        Assert.Equal(input.Text.Length, position);
        foreach (var diagnostic in tree.Diagnostics)
        {
            Assert.InRange(diagnostic.Location.Span.Start, 0, input.Text.Length);
            Assert.InRange(diagnostic.Location.Span.End, diagnostic.Location.Span.Start, input.Text.Length);
            Assert.StartsWith("VDL0", diagnostic.Code, StringComparison.Ordinal);
        }
    }

    /// <summary><see cref="SyntaxTree.Tokens"/> (read from the store, no node made) is the tree's walk, token for token.</summary>
    [Property(MaxTest = 10_000, Arbitrary = [typeof(VdlInputs)])]
    public void TheStoredTokensAreTheTreesTokensInOrder(VdlInput input)
    {
        var tree = SyntaxTree.Parse(input.Text);
        var stored = tree.Tokens.ToList();

        Assert.Equal(tree.Root.DescendantTokens().Select(t => (t.Kind, t.FullSpan, t.IsMissing)), stored.Select(t => (t.Kind, t.FullSpan, t.IsMissing)));
        Assert.Equal(SyntaxKind.EndOfFile, stored[^1].Kind);
    }

    [Property(MaxTest = 10_000, Arbitrary = [typeof(VdlInputs)])]
    public void TheLexerNeverThrowsAndEndsWithEndOfFile(VdlInput input)
    {
        var tokens = SyntaxTree.Tokenize(SourceText.From(input.Text), out _);
        Assert.Equal(SyntaxKind.EndOfFile, tokens[^1].Kind);
        Assert.Equal(input.Text, string.Concat(tokens.Select(t =>
            string.Concat(t.LeadingTrivia.Select(x => x.Text)) + t.Text + string.Concat(t.TrailingTrivia.Select(x => x.Text)))));
    }

    [Fact]
    public void MutatedInputsAreReallyMixedValidAndBroken()
    {
        // Guards the generator itself: a property test over inputs that are all broken (or all valid) proves little.
        var samples = VdlInputs.MutatedFile.Sample(200, 10).Select(t => SyntaxTree.Parse(t).HasErrors).ToList();
        Assert.Equal(200, samples.Count); // Sample(count, size): the other tests rely on this order
        Assert.Contains(true, samples);
        Assert.Contains(false, VdlInputs.LightlyEditedFile.Sample(200, 10).Select(t => SyntaxTree.Parse(t).HasErrors));
    }
}
