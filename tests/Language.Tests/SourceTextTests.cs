using System.Text;
using VirtLang.Language.Syntax;
using VirtLang.Language.Text;

namespace VirtLang.Language.Tests;

public sealed class SourceTextTests
{
    [Theory]
    [InlineData("a\nbc\nd", 5, 3, 1)]
    [InlineData("a\nbc\nd", 3, 2, 2)]
    [InlineData("a\r\nbc\r\nd", 7, 3, 1)]
    [InlineData("a\rbc\rd", 5, 3, 1)]
    [InlineData("ab", 2, 1, 3)]
    public void PositionsAreOneBasedForEveryLineBreak(string text, int offset, int line, int column)
    {
        Assert.Equal(new LinePosition(line, column), SourceText.From(text).GetLinePosition(offset));
    }

    [Theory]
    [InlineData("a\r\nbc\nd", 2, 2, 4)]
    [InlineData("a\r\nbc\nd", 3, 1, 6)]
    [InlineData("a\r\nbc\nd", 2, 99, 5)]
    [InlineData("a\r\nbc\nd", 9, 1, 6)]
    public void OffsetsOfLinesAndColumnsAreClampedToTheText(string text, int line, int column, int offset)
    {
        var source = SourceText.From(text);
        Assert.Equal(offset, source.GetOffset(new LinePosition(line, column)));
        if (line <= source.LineCount && column <= source.GetLineSpan(line).Length + 1)
        {
            Assert.Equal(new LinePosition(line, column), source.GetLinePosition(offset));
        }
    }

    [Fact]
    public void LineSpansExcludeTheirBreak()
    {
        var text = SourceText.From("first\r\nsecond\nthird");
        Assert.Equal("first", text.GetLineText(1));
        Assert.Equal("second", text.GetLineText(2));
        Assert.Equal("third", text.GetLineText(3));
        Assert.Equal(3, text.LineCount);
    }

    [Fact]
    public void AUtf8ByteOrderMarkIsRememberedNotParsed()
    {
        var text = SourceDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("os r {}")], "f.vdl");
        Assert.True(text.HasUtf8Bom);
        Assert.Equal("os r {}", text.Text);
        Assert.Empty(SyntaxTree.Parse(text).Diagnostics);
    }

    [Fact]
    public void Utf16WithAByteOrderMarkIsDecoded()
    {
        var text = SourceDecoder.Decode([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("os r {}")], "f.vdl");
        Assert.Equal("os r {}", text.Text);
    }

    [Fact]
    public void InvalidUtf8IsReportedAtItsOffsetAndTheRestIsStillParsed()
    {
        var text = SourceDecoder.Decode([.. Encoding.UTF8.GetBytes("os r { zone = \"caf"), 0xE9, .. Encoding.UTF8.GetBytes("\" }")], "f.vdl");
        Assert.Equal(new DecodingProblem(0xE9, 18, 18), text.DecodingProblem);
        var diagnostic = Assert.Single(SyntaxTree.Parse(text).Diagnostics);
        Assert.Equal("VDL0041", diagnostic.Code);
        Assert.Equal(18, diagnostic.Location.Span.Start);
    }

    [Fact]
    public void TheDominantLineBreakIsTheFirstOne()
    {
        Assert.Equal("\r\n", SourceText.From("a\r\nb\nc").DominantLineBreak);
        Assert.Equal("\n", SourceText.From("a\nb\r\nc").DominantLineBreak);
        Assert.Equal("\n", SourceText.From("abc").DominantLineBreak);
    }
}
