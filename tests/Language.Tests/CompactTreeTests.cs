using VirtLang.Language.Syntax;

namespace VirtLang.Language.Tests;

/// <summary>
/// The compact tree (docs/performance.md, Parsing against Roslyn): tokens stored in 8 bytes with one-byte widths,
/// full starts derived from the previous token, and one-token attribute values made into nodes on first access.
/// </summary>
public sealed class CompactTreeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(250)]
    [InlineData(252)]
    [InlineData(253)]
    [InlineData(254)]
    [InlineData(70_000)]
    public void TokensAndTriviaWiderThanAByteKeepTheirSpanAndText(int width)
    {
        var name = new string('n', width);
        var content = new string('s', width - 1);
        var comment = "// " + new string('c', width);
        var text = $"host {name} {{\n  note = \"{content}\" {comment}\n  other = {name}\n}}\n";

        var tree = SyntaxTree.Parse(text);

        Assert.Empty(tree.Diagnostics);
        Assert.Equal(text, tree.Root.ToFullString());
        var block = Assert.Single(tree.Root.Blocks);
        Assert.Equal(name, block.Name!.Value.Text);
        Assert.Equal(5, block.Name.Value.Span.Start);
        var attributes = block.Attributes.ToList();
        var literal = Assert.IsType<LiteralExpressionSyntax>(attributes[0].Value).Literal;
        Assert.Equal(content, literal.ValueText);
        Assert.Equal($" {comment}\n", string.Concat(literal.TrailingTrivia.Select(t => t.Text)));
        Assert.Equal(name, Assert.IsType<IdentifierExpressionSyntax>(attributes[1].Value).Name);
        Assert.Equal("  ", string.Concat(attributes[1].Name.LeadingTrivia.Select(t => t.Text)));
    }

    [Fact]
    public void AOneTokenValueIsOneNodeHoweverOftenAndFromWhateverThreadItIsAsked()
    {
        var tree = SyntaxTree.Parse("vm a {\n  memory = 16GiB\n  os = rhel8\n  runs = [web]\n}\n");
        var attributes = tree.Root.Blocks.Single().Attributes.ToList();

        var values = new ExpressionSyntax[attributes.Count][];
        Parallel.For(0, attributes.Count * 8, i => _ = attributes[i % attributes.Count].Value);
        for (var i = 0; i < attributes.Count; i++)
        {
            values[i] = [.. Enumerable.Range(0, 4).AsParallel().Select(_ => attributes[i].Value)];
        }

        Assert.All(values, sameAttribute => Assert.All(sameAttribute, v => Assert.Same(sameAttribute[0], v)));
        Assert.Equal("16GiB", Assert.IsType<LiteralExpressionSyntax>(values[0][0]).Literal.Text);
        Assert.Equal(SyntaxKind.QuantityLiteral, ((LiteralExpressionSyntax)values[0][0]).Literal.Kind);
        Assert.Equal("rhel8", Assert.IsType<IdentifierExpressionSyntax>(values[1][0]).Name);
        Assert.IsType<ListExpressionSyntax>(values[2][0]);
        // The node found by walking the tree is the one the attribute hands out.
        Assert.Same(values[1][0], attributes[1].ChildNodes().Single());
    }

    [Theory]
    [InlineData("[]", "", "")]
    [InlineData("[vtx]", "vtx", "")]
    [InlineData("[vtx, ept]", "vtx ept", ",")]
    [InlineData("[\"nvme\", 16GiB,]", "\"nvme\" 16GiB", ", ,")]
    [InlineData("[a b c]", "a b c", "(missing) (missing)")]
    [InlineData("[a, [b], c]", "a [b] c", ", ,")]
    [InlineData("[a, f(1), 2]", "a f(1) 2", ", ,")]
    [InlineData("[a, -1]", "a -1", ",")]
    public void AListGivesItsElementsAndSeparatorsInOrderWhateverTheirShape(string list, string elements, string separators)
    {
        var text = $"vm a {{\n  runs = {list}\n}}\n";

        var tree = SyntaxTree.Parse(text);

        Assert.Equal(text, tree.Root.ToFullString());
        var value = Assert.IsType<ListExpressionSyntax>(tree.Root.Blocks.Single().Attributes.Single().Value);
        Assert.Equal(elements, string.Join(' ', value.Elements.Select(e => e.ToFullString().Trim())));
        Assert.Equal(separators, string.Join(' ', value.Elements.GetSeparators().Select(s => s.IsMissing ? "(missing)" : s.Text)));
        Assert.All(value.Elements.Zip(value.Elements), same => Assert.Same(same.First, same.Second));
        Assert.Equal(
            [value.OpenBracket, .. value.Elements.SelectMany(e => e.DescendantTokens()).Concat(value.Elements.GetSeparators()).OrderBy(t => t.Span.Start).ThenBy(t => t.IsMissing), value.CloseBracket],
            value.DescendantTokens());
    }

    [Fact]
    public void AMissingTokenBetweenTwoTokensLeavesTheTriviaWhereTheyWere()
    {
        // `=` is missing after `cores`, and the value after `memory =` is missing: both are zero-width tokens. The
        // second sits before a comment longer than a byte, which the token after it must still start after.
        var text = "cpu c {\n  cores 16 // a\n  memory = // " + new string('c', 300) + "\n  threads = 2\n}\n";

        var tree = SyntaxTree.Parse(text);

        Assert.Equal(text, tree.Root.ToFullString());
        var tokens = tree.Root.DescendantTokens().ToList();
        var missing = tokens.Where(t => t.IsMissing).ToList();
        Assert.Equal(2, missing.Count);
        Assert.All(missing, t => Assert.Equal(0, t.FullSpan.Length));
        var sixteen = tokens.Single(t => t.Text == "16");
        Assert.Equal(" // a\n", string.Concat(sixteen.TrailingTrivia.Select(t => t.Text)));
        var threads = tokens.Single(t => t.Text == "threads");
        Assert.Equal("  ", string.Concat(threads.LeadingTrivia.Select(t => t.Text)));
    }
}
