using System.Text;
using System.Text.Json;
using VirtLang.LanguageServer.Protocol;

namespace VirtLang.LanguageServer.Tests;

/// <summary>
/// A real session against hostile input (issue 16): a message larger than the limit, documents that import a
/// device, standard input (the server's own protocol stream) or a FIFO, and a workspace whose links loop. Each
/// time the server answers and stays alive; a hang fails by the session's timeout.
/// </summary>
public sealed class ResourceBoundsTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new("vdl-lsp-bounds-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AMessagePastTheLimitIsSkippedAndAnsweredWithAnError()
    {
        await using var session = new LspSession();
        var oversized = new string(' ', MessageReader.MaxContentLength + 1);

        await session.SendRawAsync(oversized);
        var refusal = await session.NotificationAsync(n => n.TryGetProperty("error", out _));
        await session.InitializeAsync();

        Assert.Equal(JsonValueKind.Null, refusal.GetProperty("id").ValueKind);
        Assert.Equal(-32600, refusal.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("64 MiB", refusal.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        var symbols = await session.RequestAsync("workspace/symbol", new { query = "" });
        Assert.True(symbols.TryGetProperty("result", out _), symbols.ToString());
    }

    [Fact]
    public async Task DocumentsThatImportDevicesOrStandardInputGetDiagnosticsAndTheServerCarriesOn()
    {
        var path = Path.Combine(_folder.Path, "m.vdl");
        var uri = new Uri(path).AbsoluteUri;
        var pipe = Path.Combine(_folder.Path, "pipe.vdl");
        var hasFifo = Fifo.TryCreate(pipe);
        await using var session = new LspSession(TimeSpan.FromMilliseconds(1));
        await session.InitializeAsync();

        // /dev/stdin would be the server's own protocol stream: reading it would eat the client's messages.
        await session.OpenAsync(uri, "import \"/dev/zero\"\nimport \"/dev/stdin\"\nimport \"pipe.vdl\"\nimport \"\"\n");
        var published = await session.DiagnosticsAsync(uri, 1);

        var diagnostics = published.GetProperty("params").GetProperty("diagnostics").EnumerateArray()
            .Select(d => (Line: d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32(), Code: d.GetProperty("code").GetString()))
            .ToList();
        if (!OperatingSystem.IsWindows())
        {
            Assert.Contains((0, "VDL1022"), diagnostics);
        }

        if (hasFifo)
        {
            Assert.Contains((2, "VDL1022"), diagnostics);
        }

        Assert.Contains((3, "VDL1023"), diagnostics);
        var hover = await session.RequestAsync("textDocument/hover", LspSession.Position(uri, 0, 2));
        Assert.False(hover.TryGetProperty("error", out _), hover.ToString());
    }

    [Fact]
    public async Task WorkspaceSymbolsEndInAWorkspaceWhoseLinksLoop()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "site", "node_modules"));
        _folder.Write("catalog.vdl", "os rhel {\n  family = linux\n}\n");
        _folder.Write("site/dc.vdl", "hardware r740 {\n  memory = 1GiB\n}\n");
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "site", "up"), "..");
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "self"), ".");
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "site", "node_modules", "a"), "../..");
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "one"), "two");
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "two"), "one");
        Fifo.TryCreate(Path.Combine(_folder.Path, "site", "pipe.vdl")); // listed like a model file, never opened
        await using var session = new LspSession();
        await session.InitializeAsync(_folder.Path);

        var response = await session.RequestAsync("workspace/symbol", new { query = "" });

        var names = response.GetProperty("result").EnumerateArray().Select(s => s.GetProperty("name").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["r740", "rhel"], names);

        // The lock was let go: the next request is answered.
        var again = await session.RequestAsync("workspace/symbol", new { query = "rh" });
        Assert.Single(again.GetProperty("result").EnumerateArray());
    }
}
