using System.IO.Pipelines;
using System.Text.Json;
using VirtLang.LanguageServer.Protocol;

namespace VirtLang.LanguageServer.Tests;

/// <summary>
/// A client that goes away while an answer or a debounced publish is due (its pipe completed, its stream
/// disposed) is logged; the server neither throws from a timer (which would end the process) nor stops reading.
/// </summary>
public sealed class ClosedOutputTests
{
    public static TheoryData<string> Outputs => ["completed pipe", "disposed stream"];

    [Theory]
    [MemberData(nameof(Outputs))]
    public async Task WritingToAGoneClientIsLoggedAndTheServerGoesOn(string output)
    {
        var input = new Pipe();
        var log = new StringWriter();
        var synchronizedLog = TextWriter.Synchronized(log);
        using var server = new VdlLanguageServer(input.Reader.AsStream(), GoneOutput(output), synchronizedLog, TimeSpan.FromMilliseconds(1));
        var run = Task.Run(server.RunAsync);
        var writer = new MessageWriter(input.Writer.AsStream());

        await writer.WriteAsync(Json(new { jsonrpc = "2.0", id = 1, method = "initialize", @params = new { capabilities = new { } } }));
        await writer.WriteAsync(Json(new
        {
            jsonrpc = "2.0",
            method = "textDocument/didOpen",
            @params = new { textDocument = new { uri = "file:///m.vdl", languageId = "vdl", version = 1, text = "host h {\n" } },
        }));

        // The initialize answer and the published diagnostics both fail to write.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Count(synchronizedLog, log, "cannot write") < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(2, Count(synchronizedLog, log, "cannot write"));

        // Still reading: a further request is dispatched (and its answer fails to write too), then the input ends.
        await writer.WriteAsync(Json(new { jsonrpc = "2.0", id = 2, method = "shutdown" }));
        await input.Writer.CompleteAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(3, Count(synchronizedLog, log, "cannot write"));
        Assert.DoesNotContain("failed", log.ToString(), StringComparison.Ordinal);
    }

    private static Stream GoneOutput(string output)
    {
        if (output == "completed pipe")
        {
            var pipe = new Pipe();
            pipe.Writer.Complete();
            return pipe.Writer.AsStream();
        }

        var stream = new MemoryStream();
        stream.Dispose();
        return stream;
    }

    private static int Count(TextWriter gate, StringWriter log, string text)
    {
        lock (gate)
        {
            var all = log.ToString();
            var count = 0;
            for (var at = all.IndexOf(text, StringComparison.Ordinal); at >= 0; at = all.IndexOf(text, at + 1, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }
    }

    private static string Json(object message) => JsonSerializer.Serialize(message);
}
