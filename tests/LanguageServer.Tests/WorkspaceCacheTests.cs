using System.Text.Json;
using VirtLang.Tests.Shared;

namespace VirtLang.LanguageServer.Tests;

/// <summary>
/// What the workspace keeps and when it lets go, on real files: a save of an open file re-checks nothing; a file
/// changed, created or configured on disk re-checks the models that read it or looked for it, and only those; the
/// models rooted at closed files (for references) are kept until the disk changes under them.
/// </summary>
public sealed class WorkspaceCacheTests : IAsyncLifetime
{
    private const string Catalog = "hardware box {\n  memory = 64GiB\n}\n";
    private const string Site = "import \"catalog.vdl\"\n\nhost h1 : box {\n}\n";

    private readonly TemporaryDirectory _folder = new("vdl-lsp-cache-");
    private readonly LspSession _session = new(TimeSpan.FromMilliseconds(10));

    public async Task InitializeAsync() => await _session.InitializeAsync(_folder.Path);

    public async Task DisposeAsync()
    {
        await _session.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task SavingAnOpenFileReChecksNothing()
    {
        var site = await OpenFromDiskAsync("site.vdl", Site, "catalog.vdl", Catalog);
        var before = _session.Server.CompilationCount;

        File.WriteAllText(Path.Combine(_folder.Path, "site.vdl"), Site + "// saved\n");
        await WatchedAsync(("site.vdl", 2));
        await _session.RequestAsync("textDocument/hover", LspSession.Position(site, 2, 6));

        Assert.Equal(before, _session.Server.CompilationCount);
    }

    [Fact]
    public async Task AClosedImportChangedOnDiskReChecksOnlyItsImporters()
    {
        var site = await OpenFromDiskAsync("site.vdl", Site, "catalog.vdl", Catalog);
        var other = await OpenFromDiskAsync("other.vdl", "os solaris {\n  family = solaris\n}\n");
        var before = _session.Server.CompilationCount;

        Write("catalog.vdl", "hardware crate {\n  memory = 64GiB\n}\n");
        await WatchedAsync(("catalog.vdl", 2));
        var again = await DiagnosticsWhereAsync(site, d => d.Any(x => Message(x).Contains("box", StringComparison.Ordinal)));
        Assert.Equal(2, again.First(x => Message(x).Contains("box", StringComparison.Ordinal)).GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());

        await _session.RequestAsync("textDocument/hover", LspSession.Position(other, 0, 4));
        Assert.Equal(before + 1, _session.Server.CompilationCount); // site.vdl again; other.vdl kept its model
    }

    [Fact]
    public async Task AMissingImportIsPickedUpWhenCreatedOnDiskOrOpened()
    {
        var site = await OpenFromDiskAsync("site.vdl", "import \"later.vdl\"\n\nhost h1 : box {\n}\n");
        await DiagnosticsWhereAsync(site, d => d.Any(x => Message(x).Contains("later.vdl", StringComparison.Ordinal)));

        Write("later.vdl", Catalog);
        await WatchedAsync(("later.vdl", 1));
        await DiagnosticsWhereAsync(site, d => d.Length == 0);

        // Unsaved text counts too: a second site looks for a file that exists only in the editor.
        var second = await OpenFromDiskAsync("second.vdl", "import \"draft.vdl\"\n\nhost h2 : box {\n}\n");
        await DiagnosticsWhereAsync(second, d => d.Any(x => Message(x).Contains("draft.vdl", StringComparison.Ordinal)));
        await _session.OpenAsync(new Uri(Path.Combine(_folder.Path, "draft.vdl")).AbsoluteUri, Catalog);
        await DiagnosticsWhereAsync(second, d => d.Length == 0);
    }

    [Fact]
    public async Task AConfigurationCreatedOnDiskChangesTheSeverities()
    {
        var model = await OpenFromDiskAsync("m.vdl", "hardware h {\n  memroy = 1GiB\n}\n");
        await DiagnosticsWhereAsync(model, d => d.Any(x => Code(x) == "VDL1010" && Severity(x) == 1));

        Write("vdlconfig.json", "{ \"severity\": { \"VDL1010\": \"warning\" } }");
        await WatchedAsync(("vdlconfig.json", 1));
        await DiagnosticsWhereAsync(model, d => d.Any(x => Code(x) == "VDL1010" && Severity(x) == 2));
    }

    [Fact]
    public async Task ReferencesKeepTheModelsOfClosedFilesUntilTheDiskChanges()
    {
        var catalog = await OpenFromDiskAsync("catalog.vdl", Catalog);
        for (var i = 0; i < 4; i++)
        {
            Write($"site{i}.vdl", Site.Replace("h1", $"h{i}", StringComparison.Ordinal));
        }

        var first = await ReferencesAsync(catalog);
        Assert.Equal(4, first.Count(l => l.Contains("site", StringComparison.Ordinal)));
        var afterFirst = _session.Server.CompilationCount;

        var second = await ReferencesAsync(catalog);
        Assert.Equal(first, second);
        Assert.Equal(afterFirst, _session.Server.CompilationCount); // nothing changed: no closed file compiled again

        // A closed file changed on disk, with no word from the client's watcher: its model is rebuilt, alone.
        var changed = Write("site2.vdl", Site.Replace("h1", "h2", StringComparison.Ordinal) + "\nhost h9 : box {\n}\n");
        File.SetLastWriteTimeUtc(changed, File.GetLastWriteTimeUtc(changed).AddSeconds(2));
        var third = await ReferencesAsync(catalog);
        Assert.Equal(5, third.Count(l => l.Contains("site", StringComparison.Ordinal)));
        Assert.Contains(third, l => l.EndsWith("site2.vdl:5", StringComparison.Ordinal));
        Assert.Equal(afterFirst + 1, _session.Server.CompilationCount);
    }

    [Fact]
    public async Task WorkspaceSymbolsFindNamesInOpenClosedAndImportedFiles()
    {
        var site = await OpenFromDiskAsync("site.vdl", Site.Replace("{\n}", "{\n  vm web-vm {\n    vcpus = 1\n  }\n}", StringComparison.Ordinal), "catalog.vdl", Catalog);
        Write("closed.vdl", "app webshop {\n  demand {\n    cpu = 1\n  }\n}\n");

        var symbols = await WorkspaceSymbolsAsync("web");
        Assert.Equal(["web-vm in host h1 (site.vdl)", "webshop (closed.vdl)"], symbols);
        Assert.Equal(["web-vm in host h1 (site.vdl)"], await WorkspaceSymbolsAsync("WVM"));
        Assert.Equal(["box (catalog.vdl)"], await WorkspaceSymbolsAsync("box"));
        Assert.Equal(["h1 (site.vdl)"], await WorkspaceSymbolsAsync("h1"));

        // What is typed in the editor counts, before it is saved.
        await _session.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri = site, version = 2 },
            contentChanges = new[] { new { text = "host web-front : box {\n}\n" } },
        });
        Assert.Equal(["webshop (closed.vdl)", "web-front (site.vdl)"], await WorkspaceSymbolsAsync("web"));
    }

    private async Task<List<string>> WorkspaceSymbolsAsync(string query)
    {
        var response = await _session.RequestAsync("workspace/symbol", new { query });
        return [.. response.GetProperty("result").EnumerateArray().Select(s =>
            s.GetProperty("name").GetString()
            + (s.TryGetProperty("containerName", out var c) ? " in " + c.GetString() : string.Empty)
            + $" ({Path.GetFileName(new Uri(s.GetProperty("location").GetProperty("uri").GetString()!).LocalPath)})")];
    }

    private async Task<List<string>> ReferencesAsync(string uri)
    {
        var response = await _session.RequestAsync("textDocument/references", new
        {
            textDocument = new { uri },
            position = new { line = 0, character = 10 },
            context = new { includeDeclaration = false },
        });
        return [.. response.GetProperty("result").EnumerateArray()
            .Select(l => $"{Path.GetFileName(new Uri(l.GetProperty("uri").GetString()!).LocalPath)}:{l.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32()}")];
    }

    /// <summary>Writes the file (and any others given as name/text pairs) to disk, then opens the first with the same text.</summary>
    private async Task<string> OpenFromDiskAsync(string name, string text, params string[] others)
    {
        for (var i = 0; i + 1 < others.Length; i += 2)
        {
            Write(others[i], others[i + 1]);
        }

        var uri = new Uri(Write(name, text)).AbsoluteUri;
        await _session.OpenAsync(uri, text);
        await _session.DiagnosticsAsync(uri, 1);
        return uri;
    }

    private string Write(string name, string text) => _folder.Write(name, text);

    private Task WatchedAsync(params (string Name, int Type)[] changes) =>
        _session.NotifyAsync("workspace/didChangeWatchedFiles", new
        {
            changes = changes.Select(c => new { uri = new Uri(Path.Combine(_folder.Path, c.Name)).AbsoluteUri, type = c.Type }).ToArray(),
        });

    private async Task<JsonElement[]> DiagnosticsWhereAsync(string uri, Func<JsonElement[], bool> match)
    {
        var notification = await _session.NotificationAsync(n => n.GetProperty("method").GetString() == "textDocument/publishDiagnostics"
            && n.GetProperty("params").GetProperty("uri").GetString() == uri
            && match([.. n.GetProperty("params").GetProperty("diagnostics").EnumerateArray()]));
        return [.. notification.GetProperty("params").GetProperty("diagnostics").EnumerateArray()];
    }

    private static string Message(JsonElement diagnostic) => diagnostic.GetProperty("message").GetString()!;

    private static string Code(JsonElement diagnostic) => diagnostic.GetProperty("code").GetString()!;

    private static int Severity(JsonElement diagnostic) => diagnostic.GetProperty("severity").GetInt32();
}
