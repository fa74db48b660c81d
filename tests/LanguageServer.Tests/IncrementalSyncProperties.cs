using System.Text;
using System.Text.Json;

namespace VirtLang.LanguageServer.Tests;

/// <summary>
/// Incremental sync, as a property: whatever ranges a client sends (any line break, surrogate pairs, several changes
/// in one notification, a position past the end of a line or of the document, which LSP says to clamp), the server
/// holds exactly the text the client has, and every feature answers on the (often broken) result; and the
/// diagnostics it publishes for an edited document are those of the same text opened fresh. Seeded: a failure names
/// its seed and its edits.
/// </summary>
public sealed class IncrementalSyncProperties : IAsyncLifetime
{
    private static readonly string[] Insertions =
    [
        "", "x", "host", " ", "  ", "\n", "\r\n", "\r", "{", "}", "[", "]", "=", "\"", "//", "/*", "*/", "4GiB", "é",
        "\uD83D\uDE00", "vm v {\n}\n", "\r\n  memory = 8GiB\r\n", "\t",
    ];

    private static readonly Lazy<string[]> Examples = new(() =>
        [.. Directory.GetFiles(RepositoryPaths.Examples, "*.vdl").Order(StringComparer.Ordinal).Select(File.ReadAllText)]);

    private readonly LspSession _session = new(TimeSpan.FromMilliseconds(1));

    public async Task InitializeAsync() => await _session.InitializeAsync();

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task TheServerHoldsTheClientsTextAfterAnyEdits()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var uri = $"file:///sync/{seed}.vdl";
            var text = Examples.Value[random.Next(Examples.Value.Length)];
            if (random.Next(3) == 0)
            {
                text = text.Replace("\n", random.Next(2) == 0 ? "\r\n" : "\r", StringComparison.Ordinal);
            }

            await _session.OpenAsync(uri, text);
            var log = new StringBuilder();
            for (var version = 2; version < 2 + random.Next(1, 8); version++)
            {
                var changes = new List<object>();
                for (var c = 0; c < random.Next(1, 4); c++)
                {
                    var (change, after) = RandomChange(text, random);
                    changes.Add(change);
                    log.Append(JsonSerializer.Serialize(change)).Append('\n');
                    text = after;
                }

                await _session.NotifyAsync("textDocument/didChange", new { textDocument = new { uri, version }, contentChanges = changes });
            }

            // A request after the changes: the dispatcher runs in order, so they are applied when it answers.
            await _session.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri } });
            var held = _session.Server.DocumentText(uri);
            Assert.True(held == text, $"seed {seed}: the server holds other text after the edits\n{log}");

            // The edited text (often broken) as every feature sees it: an answer every time.
            var lines = Lines(text).Count;
            var whole = new { textDocument = new { uri }, range = Range((0, 0), (lines, 0)) };
            await AnswersAsync(seed, "textDocument/foldingRange", new { textDocument = new { uri } });
            await AnswersAsync(seed, "textDocument/semanticTokens/full", new { textDocument = new { uri } });
            await AnswersAsync(seed, "textDocument/inlayHint", whole);
            for (var i = 0; i < 2; i++)
            {
                var (line, character) = PositionOf(text, Settle(text, random.Next(text.Length + 1)));
                var position = LspSession.Position(uri, line, character);
                foreach (var method in new[] { "textDocument/completion", "textDocument/hover", "textDocument/signatureHelp", "textDocument/documentHighlight", "textDocument/definition" })
                {
                    await AnswersAsync(seed, method, position);
                }

                await AnswersAsync(seed, "textDocument/selectionRange", new { textDocument = new { uri }, positions = new[] { new { line, character } } });
            }

            await _session.NotifyAsync("textDocument/didClose", new { textDocument = new { uri } });
        }
    }

    [Fact]
    public async Task AnEditedDocumentHasTheDiagnosticsOfTheSameTextOpenedFresh()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(1_000 + seed);
            var edited = $"file:///edited/{seed}/m.vdl";
            var fresh = $"file:///fresh/{seed}/m.vdl";
            var text = Examples.Value[random.Next(Examples.Value.Length)];
            await _session.OpenAsync(edited, text);
            var version = 1;
            for (var i = 0; i < random.Next(1, 6); i++)
            {
                var (change, after) = RandomChange(text, random);
                text = after;
                await _session.NotifyAsync("textDocument/didChange", new { textDocument = new { uri = edited, version = ++version }, contentChanges = new[] { change } });
            }

            var afterEdits = await _session.DiagnosticsAsync(edited, version);
            await _session.OpenAsync(fresh, text);
            var afterOpen = await _session.DiagnosticsAsync(fresh, 1);
            Assert.True(Summary(afterEdits) == Summary(afterOpen), $"seed {1_000 + seed}:\nedited: {Summary(afterEdits)}\nfresh: {Summary(afterOpen)}");
            await _session.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = edited } });
            await _session.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = fresh } });
        }
    }

    private async Task AnswersAsync(int seed, string method, object parameters)
    {
        // Well-formed requests on an open document: any error at all (InternalError, or a bug's exception reported
        // as InvalidParams) is a failure.
        var response = await _session.RequestAsync(method, parameters);
        Assert.False(response.TryGetProperty("error", out var error), $"seed {seed}: {method} failed: {error}");
    }

    /// <summary>A random change as a client sends it (an LSP range over UTF-16 lines), and the text it makes.</summary>
    private static (object Change, string After) RandomChange(string text, Random random)
    {
        var insertion = Insertions[random.Next(Insertions.Length)];
        switch (random.Next(12))
        {
            case 0:
                // A position past the end of the document: LSP clamps it there.
                var lines = Lines(text);
                return (new { range = Range((lines.Count + 2, 0), (lines.Count + 3, 4)), text = insertion }, text + insertion);
            case 1:
                // A character past the end of its line: clamped to the line's end (before its break).
                var (line, lineStart, lineEnd) = LineOf(text, random.Next(text.Length + 1));
                var at = lineEnd;
                return (new { range = Range((line, lineEnd - lineStart + 5), (line, lineEnd - lineStart + 9)), text = insertion }, text[..at] + insertion + text[at..]);
            default:
                var start = Settle(text, random.Next(text.Length + 1));
                var end = Settle(text, Math.Min(text.Length, start + (random.Next(3) == 0 ? random.Next(200) : random.Next(6))));
                return (new { range = Range(PositionOf(text, start), PositionOf(text, end)), text = insertion }, text[..start] + insertion + text[end..]);
        }
    }

    /// <summary>Not between the two characters of a CRLF: no LSP position names that place.</summary>
    private static int Settle(string text, int offset) =>
        offset > 0 && offset < text.Length && text[offset - 1] == '\r' && text[offset] == '\n' ? offset - 1 : offset;

    private static object Range((int Line, int Character) start, (int Line, int Character) end) =>
        new { start = new { line = start.Line, character = start.Character }, end = new { line = end.Line, character = end.Character } };

    /// <summary>The LSP position of an offset, by LSP's own rule (lines end at \r\n, \n or \r), written here independently of the server.</summary>
    private static (int Line, int Character) PositionOf(string text, int offset)
    {
        var (line, lineStart, _) = LineOf(text, offset);
        return (line, offset - lineStart);
    }

    private static (int Line, int Start, int End) LineOf(string text, int offset)
    {
        var lines = Lines(text);
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (lines[i].Start <= offset)
            {
                return (i, lines[i].Start, lines[i].End);
            }
        }

        return (0, 0, lines[0].End);
    }

    /// <summary>Each line's start and the end of its content (before its break).</summary>
    private static List<(int Start, int End)> Lines(string text)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\r' or '\n')
            {
                lines.Add((start, i));
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add((start, text.Length));
        return lines;
    }

    private static string Summary(JsonElement notification) =>
        string.Join("; ", notification.GetProperty("params").GetProperty("diagnostics").EnumerateArray()
            .Select(d => $"{d.GetProperty("code").GetString()}@{d.GetProperty("range")}"));
}
