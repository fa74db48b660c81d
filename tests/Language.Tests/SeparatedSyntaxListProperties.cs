using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using VirtLang.Language.Syntax;

namespace VirtLang.Language.Tests;

/// <summary>
/// Random lists and calls, with and without trailing commas and with commas left out: the separated list gives the
/// source back exactly, finds every element, and has a missing separator (with one diagnostic) exactly where a comma
/// was left out.
/// </summary>
public sealed class SeparatedSyntaxListProperties
{
    [Property(MaxTest = 2_000, Arbitrary = [typeof(SeparatedInputs)])]
    public void TheListsTextIsTheSourceAndEachLeftOutCommaIsAMissingSeparator(SeparatedInput input)
    {
        var (text, tree, node) = SeparatedSyntaxListTests.Parse(input.Text);
        var list = SeparatedSyntaxListTests.Separated(node);

        Assert.Equal(text, tree.Root.ToFullString());
        Assert.Equal(SeparatedSyntaxListTests.Between(text, list.Open, list.Close), list.FullText);
        Assert.False(list.Close.IsMissing);
        Assert.Equal(input.Elements, list.Nodes.Select(e => text.Substring(e.Span.Start, e.Span.Length)));
        var expectedSeparators = input.CommaAfter.Take(input.Elements.Length - (input.TrailingComma ? 0 : 1)).Select(c => c ? "," : ",?");
        Assert.Equal(expectedSeparators, list.Separators.Select(s => s.IsMissing ? ",?" : s.Text));
        var leftOut = list.Separators.Count(s => s.IsMissing);
        Assert.Equal(leftOut, tree.Diagnostics.Length);
        Assert.All(tree.Diagnostics, d => Assert.Equal("VDL0001", d.Code));
    }
}

/// <summary>A list literal or call with its pieces; printed as its text so a failing case can be read.</summary>
public sealed record SeparatedInput(string Text, string[] Elements, bool[] CommaAfter, bool TrailingComma)
{
    public override string ToString() => Syntax.SyntaxDumper.Quote(Text);
}

public static class SeparatedInputs
{
    // Values of every shape, so that lists take both the lazy (one-token) path and the whole one.
    private static readonly string[] Values =
        ["a", "esx-01", "16GiB", "70%", "\"nvme\"", "2.5", "-1", "[b]", "[b, 1,]", "[]", "f(1)", "g()", "[[c], d]"];

    private static readonly string[] Arguments = [.. Values, "peak = 70%", "base = 1"];

    // Before a comma: nothing, spaces or a comment. A left-out comma needs a space, or two names would be one.
    private static readonly string[] BeforeComma = ["", " ", "/* c */"];

    private static readonly string[] InsteadOfComma = [" ", "  ", " /* c */ "];

    // After a comma a line may break (a named argument may then start the line).
    private static readonly string[] AfterComma = ["", " ", "  ", "\n    ", " // c\n    "];

    public static Arbitrary<SeparatedInput> Inputs() =>
        (from isCall in Gen.Elements(true, false)
         from count in Gen.Choose(0, 6)
         from elements in Gen.Elements(isCall ? Arguments : Values).ArrayOf(count)
         from commas in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false))).ArrayOf(count)
         from trailing in Gen.Elements(true, false)
         from gaps in Gen.Choose(0, 1_000).ArrayOf(count * 2)
         select Build(isCall, elements, commas, trailing && count > 0, gaps)).ToArbitrary();

    private static SeparatedInput Build(bool isCall, string[] elements, bool[] commaAfter, bool trailing, int[] gaps)
    {
        var text = new StringBuilder(isCall ? "f(" : "[");
        for (var i = 0; i < elements.Length; i++)
        {
            text.Append(elements[i]);
            var last = i == elements.Length - 1;
            if (last && !trailing)
            {
                break;
            }

            // The last separator, when there is one, is the trailing comma: always written.
            commaAfter[i] |= last;
            if (commaAfter[i])
            {
                text.Append(BeforeComma[gaps[2 * i] % BeforeComma.Length]).Append(',');
                text.Append(AfterComma[gaps[(2 * i) + 1] % AfterComma.Length]);
            }
            else
            {
                text.Append(InsteadOfComma[gaps[2 * i] % InsteadOfComma.Length]);
            }
        }

        text.Append(isCall ? ')' : ']');
        return new SeparatedInput(text.ToString(), elements, commaAfter, trailing);
    }
}
