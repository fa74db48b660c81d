using System.Text;
using VirtLang.Language.Formatting;
using VirtLang.Language.Syntax;
using VirtLang.Language.Text;

namespace VirtLang.Language.Tests;

/// <summary>The hostile inputs: diagnostics with codes and locations, never an exception or a stack overflow.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void RandomBytesGiveDiagnosticsNotExceptions()
    {
        var random = new Random(1234);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(1, 4096)];
            random.NextBytes(bytes);
            var text = SourceDecoder.Decode(bytes, "random.bin");
            var tree = SyntaxTree.Parse(text);
            Assert.Equal(text.Text, tree.Root.ToFullString());
            Assert.NotEmpty(tree.Diagnostics);
        }
    }

    [Fact]
    public void ABinaryFileIsOneDiagnostic()
    {
        var tree = SyntaxTree.Parse(SourceDecoder.Decode([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01, 0x02], "archive.zip"));
        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal("VDL0040", diagnostic.Code);
        Assert.Equal(4, diagnostic.Location.Span.Start);
    }

    [Fact]
    public void AFiftyMegabyteSingleLineParses()
    {
        var sb = new StringBuilder("host h { drivers = [");
        while (sb.Length < 50_000_000)
        {
            sb.Append("\"nvme\", x-1, 16GiB, ");
        }

        sb.Append("] }");
        var text = sb.ToString();
        var tree = SyntaxTree.Parse(text);
        Assert.Empty(tree.Diagnostics);
        Assert.Single(tree.Root.Blocks);

        var garbage = new string('@', 50_000_000);
        var bad = SyntaxTree.Parse(garbage);
        Assert.Equal("VDL0006", Assert.Single(bad.Diagnostics).Code);
    }

    [Theory]
    [InlineData("b { ", "}")]
    [InlineData("[", "]")]
    [InlineData("f(", ")")]
    public void TenThousandNestedLevelsStopAtTheDepthLimit(string open, string close)
    {
        var prefix = open == "b { " ? "host h { " : "host h { x = ";
        var text = prefix + string.Concat(Enumerable.Repeat(open, 10_000)) + string.Concat(Enumerable.Repeat(close, 10_000)) + " }";
        var tree = SyntaxTree.Parse(text);
        Assert.Equal(text, tree.Root.ToFullString());
        Assert.Equal("VDL0030", Assert.Single(tree.Diagnostics).Code);
    }

    [Fact]
    public void TenThousandUnclosedBlocksDoNotOverflowTheStack()
    {
        var text = string.Concat(Enumerable.Repeat("host h { vm v { ", 5_000));
        var tree = SyntaxTree.Parse(text);
        Assert.Equal(text, tree.Root.ToFullString());
        Assert.Contains(tree.Diagnostics, d => d.Code == "VDL0030");
        Assert.Null(Formatter.Format(tree));
    }

    [Fact]
    public void EverythingUnterminatedIsReportedOnce()
    {
        var tree = SyntaxTree.Parse("host a {\n  vm b {\n    drivers = [\"x\", f(1, \n    zone = \"open\n/* comment");
        var codes = tree.Diagnostics.Select(d => d.Code).ToList();
        // The unterminated string, then the call, list and blocks that all end at the same place (one report),
        // then the comment.
        Assert.Equal(["VDL0003", "VDL0002", "VDL0004"], codes);
    }

    [Fact]
    public void ErrorsAreCappedPerFile()
    {
        var text = string.Concat(Enumerable.Repeat("host h { x 1 2 3 }\n", 1_000));
        var tree = SyntaxTree.Parse(text);
        Assert.Equal(201, tree.Diagnostics.Length);
        Assert.Equal("VDL0031", tree.Diagnostics[^1].Code);
    }
}
