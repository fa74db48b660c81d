using System.Text;
using VirtLang.LanguageServer.Protocol;

namespace VirtLang.LanguageServer.Tests;

public sealed class FramingTests
{
    [Fact]
    public async Task MessagesRoundTripWithByteCountedLengths()
    {
        using var stream = new MemoryStream();
        var writer = new MessageWriter(stream);
        await writer.WriteAsync("{\"jsonrpc\":\"2.0\",\"method\":\"café\"}");
        await writer.WriteAsync("{}");
        stream.Position = 0;
        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.StartsWith("Content-Length: 34\r\n\r\n{", text, StringComparison.Ordinal);

        var reader = new MessageReader(stream);
        Assert.Equal(new MessageFrame("{\"jsonrpc\":\"2.0\",\"method\":\"café\"}", null), await reader.ReadAsync());
        Assert.Equal(new MessageFrame("{}", null), await reader.ReadAsync());
        Assert.Null(await reader.ReadAsync());
    }

    [Fact]
    public async Task OtherHeadersAreIgnored()
    {
        var reader = Reader("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 2\r\n\r\n{}");
        Assert.Equal(new MessageFrame("{}", null), await reader.ReadAsync());
    }

    [Fact]
    public async Task AMalformedHeaderIsAnErrorFrameNotAnException()
    {
        var reader = Reader("garbage\r\n\r\nContent-Length: 2\r\n\r\n{}");
        var bad = await reader.ReadAsync();
        Assert.NotNull(bad);
        Assert.Null(bad.Body);
        Assert.Contains("malformed header", bad.Error, StringComparison.Ordinal);
        Assert.Equal(new MessageFrame("{}", null), await reader.ReadAsync());
    }

    [Theory]
    [InlineData("Content-Length: -5\r\n\r\n", "invalid Content-Length")]
    [InlineData("Content-Length: lots\r\n\r\n", "invalid Content-Length")]
    [InlineData("X: 1\r\n\r\n", "missing Content-Length")]
    public async Task BadLengthsAreReported(string input, string error)
    {
        var frame = await Reader(input).ReadAsync();
        Assert.Contains(error, frame!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATruncatedBodyEndsTheStream() =>
        Assert.Null(await Reader("Content-Length: 10\r\n\r\n{}").ReadAsync());

    [Fact]
    public async Task AHugeLengthAllocatesNothingAndEndsWithTheStream()
    {
        // 2 GiB announced, two bytes sent: the body is skipped in small pieces, never allocated, until the input ends.
        var reader = Reader("Content-Length: 2147483647\r\n\r\n{}");
        Assert.Null(await reader.ReadAsync());
    }

    [Fact]
    public async Task ABodyPastTheLimitIsSkippedAndTheNextMessageRead()
    {
        var header = Encoding.ASCII.GetBytes($"Content-Length: {MessageReader.MaxContentLength + 1}\r\n\r\n");
        using var stream = new MemoryStream();
        stream.Write(header);
        stream.Write(new byte[MessageReader.MaxContentLength + 1]);
        stream.Write(Encoding.ASCII.GetBytes("Content-Length: 2\r\n\r\n{}"));
        stream.Position = 0;
        var reader = new MessageReader(stream);

        var skipped = await reader.ReadAsync();
        Assert.NotNull(skipped);
        Assert.Null(skipped.Body);
        Assert.True(skipped.Oversized);
        Assert.Contains("larger than the 64 MiB limit", skipped.Error, StringComparison.Ordinal);
        Assert.Equal(new MessageFrame("{}", null), await reader.ReadAsync());
    }

    [Fact]
    public async Task ALengthPastSixtyFourBitsIsInvalid()
    {
        var frame = await Reader("Content-Length: 99999999999999999999999\r\n\r\n").ReadAsync();
        Assert.Contains("invalid Content-Length", frame!.Error, StringComparison.Ordinal);
    }

    private static MessageReader Reader(string text) => new(new MemoryStream(Encoding.UTF8.GetBytes(text)));
}
