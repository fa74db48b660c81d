using System.Collections.Immutable;
using VirtLang.Language.Syntax;

namespace VirtLang.Language.Tests;

/// <summary>
/// <see cref="SeparatedSyntaxList{TNode}"/>: list literals' elements and call arguments with their commas, parsed by
/// one loop; the elements and separators give the source back exactly, recovery included.
/// </summary>
public sealed class SeparatedSyntaxListTests
{
    [Theory]
    [InlineData("[]", 0, 0, false)]
    [InlineData("[a]", 1, 0, false)]
    [InlineData("[a,]", 1, 1, true)]
    [InlineData("[a, b]", 2, 1, false)]
    [InlineData("[ a , b , ]", 2, 2, true)]
    [InlineData("[a, [b, c], f(1), -1,]", 4, 4, true)]
    [InlineData("[\n    a, // first\n    b,\n  ]", 2, 2, true)]
    public void AListsElementsAndSeparatorsAreCountedAndGiveItsTextBack(string list, int count, int separators, bool trailing)
    {
        var (text, value) = ParseValue<ListExpressionSyntax>(list);

        var elements = value.Elements;
        Assert.Equal(count, elements.Count);
        Assert.Equal(separators, elements.SeparatorCount);
        Assert.Equal(trailing, elements.HasTrailingSeparator);
        Assert.All(Enumerable.Range(0, separators), i => Assert.Equal(",", elements.GetSeparator(i).Text));
        Assert.Equal(Between(text, value.OpenBracket, value.CloseBracket), elements.ToFullString());
        Assert.Equal(value.ToFullString(), Full(value.OpenBracket) + elements.ToFullString() + Full(value.CloseBracket));
    }

    [Theory]
    [InlineData("f()", 0, 0)]
    [InlineData("trace(\"load.csv\")", 1, 0)]
    [InlineData("diurnal(peak = 70%, base = 10%)", 2, 1)]
    [InlineData("diurnal(\n    peak = 70%,\n    base = 10%,\n  )", 2, 2)]
    public void ACallsArgumentsAndSeparatorsAreCountedAndGiveItsTextBack(string call, int count, int separators)
    {
        var (text, value) = ParseValue<CallExpressionSyntax>(call);

        Assert.Equal(count, value.Arguments.Count);
        Assert.Equal(separators, value.Arguments.SeparatorCount);
        Assert.Equal(Between(text, value.OpenParen, value.CloseParen), value.Arguments.ToFullString());
        Assert.Equal(
            [value.OpenParen, .. value.Arguments.GetWithSeparators().SelectMany(e => e.Token is { } t ? [t] : e.Node!.DescendantTokens()), value.CloseParen],
            value.DescendantTokens().Skip(1));
    }

    [Theory]
    [InlineData("[a b]", "a|b", ",?", "VDL0001", "unexpected `b`; expected `,` between list elements")]
    [InlineData("[a, b c,]", "a|b|c", ", ,? ,", "VDL0001", "unexpected `c`; expected `,` between list elements")]
    [InlineData("[a, f(1) [x]]", "a|f(1)|[x]", ", ,?", "VDL0001", "unexpected `[`; expected `,` between list elements")]
    [InlineData("f(peak = 70% base = 10%)", "peak = 70%|base = 10%", ",?", "VDL0001", "unexpected `base`; expected `,` between arguments")]
    [InlineData("[a, ), b]", "a||b", ", ,", "VDL0001", "unexpected `)`; expected a value (a name, a number, a quantity, a string, a list or a call)")]
    [InlineData("f(1, ], 2)", "1||2", ", ,", "VDL0001", "unexpected `]`; expected a value (a name, a number, a quantity, a string, a list or a call)")]
    public void RecoveryKeepsEveryElementAndSeparatorWithOneDiagnostic(string value, string elements, string separators, string code, string message)
    {
        var (text, tree, node) = Parse(value);
        var list = Separated(node);

        Assert.Equal(text, tree.Root.ToFullString());
        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(message, diagnostic.Message);
        Assert.Equal(elements, string.Join('|', list.Nodes.Select(e => text.Substring(e.Span.Start, e.Span.Length))));
        Assert.Equal(separators, string.Join(' ', list.Separators.Select(s => s.IsMissing ? ",?" : s.Text)));
        Assert.Equal(Between(text, list.Open, list.Close), list.FullText);
    }

    [Fact]
    public void AnUnclosedListStopsAtTheNextMemberAndKeepsWhatItHas()
    {
        var text = "vm a {\n  runs = [web, db,\n  cpu = 2\n}\n";

        var tree = SyntaxTree.Parse(text);

        Assert.Equal(text, tree.Root.ToFullString());
        var list = Assert.IsType<ListExpressionSyntax>(tree.Root.Blocks.Single().Attributes.First().Value);
        Assert.Equal(["web", "db"], list.Elements.Select(e => e.ToString().Trim()));
        Assert.True(list.Elements.HasTrailingSeparator);
        Assert.True(list.CloseBracket.IsMissing);
        Assert.Equal("VDL0002", Assert.Single(tree.Diagnostics).Code);
    }

    [Fact]
    public void ALazyListHandsOutTheSameNodesAndTheSameListEveryTime()
    {
        var (_, value) = ParseValue<ListExpressionSyntax>("[vtx, ept]");

        Assert.True(value.Elements == value.Elements);
        Assert.Same(value.Elements[1], value.Elements[1]);
        Assert.Same(value.Elements[0], value.ChildNodes().First());
        Assert.Equal(1, value.Elements.IndexOf(value.Elements[1]));
    }

    [Fact]
    public void EnumeratingGivesTheElementsInOrderAndAnEmptyListHasNothing()
    {
        var (_, value) = ParseValue<CallExpressionSyntax>("f(a, 2, \"s\")");
        var seen = new List<string>();
        foreach (var argument in value.Arguments)
        {
            seen.Add(argument.Value.ToString().Trim());
        }

        Assert.Equal(["a", "2", "\"s\""], seen);
        var empty = SeparatedSyntaxList<ArgumentSyntax>.Empty;
        Assert.Equal(0, empty.SeparatorCount);
        Assert.Empty(empty);
        Assert.Empty(empty.GetWithSeparators());
        Assert.Equal(string.Empty, empty.ToFullString());
        Assert.Throws<IndexOutOfRangeException>(() => empty[0]);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(3, 1)]
    public void ElementsNeedAsManySeparatorsOrOneFewer(int elements, int separators)
    {
        var (_, value) = ParseValue<ListExpressionSyntax>("[a]");
        var comma = value.OpenBracket; // any token: only the counts are checked

        var error = Assert.Throws<ArgumentException>(() => new SeparatedSyntaxList<ExpressionSyntax>(
            [.. Enumerable.Repeat(value.Elements[0], elements)], [.. Enumerable.Repeat(comma, separators)]));
        Assert.Equal("separators", error.ParamName);
    }

    [Fact]
    public void ACursorCountsOnlyTheWrittenSeparatorsBeforeIt()
    {
        var (text, _, node) = Parse("f(a b, c)");
        var value = Assert.IsType<CallExpressionSyntax>(node);
        var afterB = text.IndexOf("a b", StringComparison.Ordinal) + 3;
        var afterComma = text.IndexOf(',', StringComparison.Ordinal) + 1;

        Assert.Equal(0, value.Arguments.CountSeparatorsBefore(afterB)); // the comma missing between a and b is not counted
        Assert.Equal(1, value.Arguments.CountSeparatorsBefore(afterComma));
    }

    /// <summary>Parses <paramref name="value"/> as an attribute's value; gives the whole file's text, its tree and the value.</summary>
    internal static (string Text, SyntaxTree Tree, ExpressionSyntax Value) Parse(string value)
    {
        var text = $"vm a {{\n  x = {value}\n}}\n";
        var tree = SyntaxTree.Parse(text);
        return (text, tree, tree.Root.Blocks.Single().Attributes.Single().Value);
    }

    private static (string Text, T Value) ParseValue<T>(string value)
        where T : ExpressionSyntax
    {
        var (text, tree, node) = Parse(value);
        Assert.Empty(tree.Diagnostics);
        return (text, Assert.IsType<T>(node));
    }

    /// <summary>A list's or call's separated list with its brackets, whichever it is.</summary>
    internal static (SyntaxToken Open, ImmutableArray<SyntaxNode> Nodes, ImmutableArray<SyntaxToken> Separators, string FullText, SyntaxToken Close) Separated(ExpressionSyntax node) =>
        node switch
        {
            ListExpressionSyntax list => (list.OpenBracket, [.. list.Elements], list.Elements.GetSeparators(), list.Elements.ToFullString(), list.CloseBracket),
            CallExpressionSyntax call => (call.OpenParen, [.. call.Arguments], call.Arguments.GetSeparators(), call.Arguments.ToFullString(), call.CloseParen),
            _ => throw new ArgumentException($"not a list or call: {node.Kind}", nameof(node)),
        };

    /// <summary>The text between two tokens' full spans: everything the separated list inside them owns.</summary>
    internal static string Between(string text, SyntaxToken open, SyntaxToken close) => text[open.FullSpan.End..close.FullSpan.Start];

    private static string Full(SyntaxToken token)
    {
        var builder = new System.Text.StringBuilder();
        token.WriteFullTo(builder);
        return builder.ToString();
    }
}
