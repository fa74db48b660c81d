using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VirtLang.LanguageServer.Features;
using VirtLang.LanguageServer.Protocol;
using VirtLang.LanguageServer.Workspace;

namespace VirtLang.LanguageServer;

/// <summary>
/// The VDL language server (LSP 3.17) on the compiler: lifecycle, incremental text sync, and each feature's
/// request. Every handler takes the workspace's gate, so the dispatcher and the diagnostics timer never see a
/// half-applied change. docs/editor.md lists the features.
/// </summary>
public sealed class VdlLanguageServer : IDisposable
{
    private readonly JsonRpcConnection _connection;
    private readonly ModelWorkspace _workspace = new();
    private readonly DiagnosticsPublisher _diagnostics;
    private bool _initialized;
    private bool _shutdown;

    /// <summary>Whether the client takes snippets in completions (then a block kind comes with its braces and required attributes).</summary>
    private bool _snippets;

    /// <param name="diagnosticsDelay">The pause in typing after which diagnostics are published.</param>
    public VdlLanguageServer(Stream input, Stream output, TextWriter log, TimeSpan? diagnosticsDelay = null)
    {
        _connection = new JsonRpcConnection(input, output, log);
        _diagnostics = new DiagnosticsPublisher(_workspace, _connection.NotifyAsync, diagnosticsDelay ?? TimeSpan.FromMilliseconds(50), log);
        Register();
    }

    /// <summary>Serves until <c>exit</c> or the end of the input; 0 when <c>shutdown</c> came first, as LSP asks.</summary>
    public async Task<int> RunAsync()
    {
        await _connection.RunAsync().ConfigureAwait(false);
        return _shutdown ? 0 : 1;
    }

    public void Dispose() => _diagnostics.Dispose();

    /// <summary>The lock every handler takes: a test holds it to keep the dispatcher busy.</summary>
    internal object Gate => _workspace.Gate;

    /// <summary>The text the server holds for an open document, or null: tests compare it with what the client has.</summary>
    internal string? DocumentText(string uri)
    {
        lock (_workspace.Gate)
        {
            return _workspace.Find(uri)?.Text.Text;
        }
    }

    /// <summary>How many pending requests the client has cancelled so far (tests wait on it).</summary>
    internal int CancelledCount => _connection.CancelledCount;

    /// <summary>How many models were compiled so far: tests read it to see that an edit re-checks only what it touches.</summary>
    internal int CompilationCount
    {
        get
        {
            lock (_workspace.Gate)
            {
                return _workspace.CompilationCount;
            }
        }
    }

    private void Register()
    {
        _connection.OnRequest("initialize", (p, _) =>
        {
            _initialized = true;
            _snippets = SupportsSnippets(p);
            lock (_workspace.Gate)
            {
                _workspace.Folders.AddRange(WorkspaceFolders(p));
            }

            return Capabilities();
        });
        _connection.OnNotification("initialized", _ => { });
        _connection.OnRequest("shutdown", (_, _) =>
        {
            _shutdown = true;
            return null;
        });
        _connection.OnNotification("exit", _ => _connection.ExitRequested = true);

        _connection.OnNotification("textDocument/didOpen", p => Locked(() =>
        {
            var document = p!.Value.GetProperty("textDocument");
            _diagnostics.Schedule(_workspace.Open(document.GetProperty("uri").GetString()!, document.GetProperty("text").GetString()!, document.GetProperty("version").GetInt32()));
        }));
        _connection.OnNotification("textDocument/didChange", p => Locked(() =>
        {
            var document = _workspace.Get(p!.Value.GetProperty("textDocument").GetProperty("uri").GetString()!);
            var text = ApplyChanges(document, p.Value.GetProperty("contentChanges"));
            _diagnostics.Schedule(_workspace.Change(document, text, p.Value.GetProperty("textDocument").GetProperty("version").GetInt32()));
        }));
        _connection.OnNotification("textDocument/didClose", p => Locked(() =>
        {
            var uri = p!.Value.GetProperty("textDocument").GetProperty("uri").GetString()!;
            var affected = _workspace.Close(uri);
            _diagnostics.Clear(uri);
            _diagnostics.Schedule(affected);
        }));
        _connection.OnNotification("textDocument/didSave", _ => { });
        _connection.OnNotification("workspace/didChangeWatchedFiles", _ => Locked(() => _diagnostics.Schedule(_workspace.DiskChanged())));

        Positional("textDocument/completion", (document, offset, _) => LspConverter.Completion(
            CompletionProvider.Complete(document.Tree, offset, (_workspace.LastCompilationOf(document) ?? _workspace.CompilationOf(document)).SemanticModel, _snippets),
            document.Text));
        Positional("textDocument/signatureHelp", (document, offset, _) => LspConverter.SignatureHelp(SignatureHelpProvider.Help(document.Tree, offset)));
        Positional("textDocument/hover", (document, offset, _) => LspConverter.Hover(HoverProvider.Hover(document, offset, _workspace.CompilationOf(document)), document.Text));
        Positional("textDocument/definition", (document, offset, _) => LspConverter.Location(NavigationProvider.Definition(document, offset, _workspace.CompilationOf(document))));
        Positional("textDocument/documentHighlight", (document, offset, _) => LspConverter.DocumentHighlights(NavigationProvider.Highlights(document, offset, _workspace.CompilationOf(document))));
        Positional("textDocument/references", (document, offset, p) => LspConverter.Locations(
            NavigationProvider.References(_workspace, document, offset, p.TryGetProperty("context", out var c) && c.GetProperty("includeDeclaration").GetBoolean())));
        Positional("textDocument/prepareRename", (document, offset, _) => LspConverter.RenameTarget(RenameProvider.Prepare(document, offset, _workspace.CompilationOf(document)), document.Text));
        Positional("textDocument/rename", (document, offset, p) => LspConverter.WorkspaceEdit(RenameProvider.Rename(_workspace, document, offset, RenameProvider.NewName(p))));

        _connection.OnRequest("workspace/symbol", (p, cancellation) => LockedRequest(() => LspConverter.WorkspaceSymbols(
            WorkspaceSymbolProvider.Symbols(_workspace, p is { } q && q.TryGetProperty("query", out var query) ? query.GetString() ?? string.Empty : string.Empty, cancellation)), cancellation));
        Whole("textDocument/documentSymbol", (document, _) => LspConverter.DocumentSymbols(DocumentSymbolProvider.Symbols(document), document.Text));
        Whole("textDocument/foldingRange", (document, _) => LspConverter.FoldingRanges(FoldingRangeProvider.Ranges(document)));
        Whole("textDocument/selectionRange", (document, p) => LspConverter.SelectionRanges(
            SelectionRangeProvider.Ranges(document, [.. p.GetProperty("positions").EnumerateArray().Select(position => Positions.ToOffset(document.Text, position))]), document.Text));
        Whole("textDocument/inlayHint", (document, p) => LspConverter.InlayHints(InlayHintProvider.Hints(document, Positions.ToSpan(document.Text, p.GetProperty("range"))), document.Text));
        Whole("textDocument/formatting", (document, _) => LspConverter.TextEdits(FormattingProvider.Format(document)));
        Whole("textDocument/codeAction", (document, p) => LspConverter.CodeActions(CodeActionProvider.Actions(document, Positions.ToSpan(document.Text, p.GetProperty("range")), _workspace.CompilationOf(document))));
        Whole("textDocument/semanticTokens/full", (document, _) => LspConverter.SemanticTokens(SemanticTokensProvider.Full(document, _workspace.CompilationOf(document)), document.Text));
    }

    /// <summary>The folders of <c>initialize</c>: <c>workspaceFolders</c>, else <c>rootUri</c>; file URIs only.</summary>
    private static bool SupportsSnippets(JsonElement? parameters) =>
        parameters is { ValueKind: JsonValueKind.Object } p
        && p.TryGetProperty("capabilities", out var capabilities) && capabilities.ValueKind == JsonValueKind.Object
        && capabilities.TryGetProperty("textDocument", out var document) && document.ValueKind == JsonValueKind.Object
        && document.TryGetProperty("completion", out var completion) && completion.ValueKind == JsonValueKind.Object
        && completion.TryGetProperty("completionItem", out var item) && item.ValueKind == JsonValueKind.Object
        && item.TryGetProperty("snippetSupport", out var snippets) && snippets.ValueKind == JsonValueKind.True;

    private static IEnumerable<string> WorkspaceFolders(JsonElement? parameters)
    {
        if (parameters is not { ValueKind: JsonValueKind.Object } p)
        {
            yield break;
        }

        if (p.TryGetProperty("workspaceFolders", out var folders) && folders.ValueKind == JsonValueKind.Array)
        {
            foreach (var folder in folders.EnumerateArray())
            {
                if (folder.TryGetProperty("uri", out var uri) && uri.GetString() is { } text && text.StartsWith("file:", StringComparison.Ordinal))
                {
                    yield return DocumentUri.ToPath(text);
                }
            }

            yield break;
        }

        if (p.TryGetProperty("rootUri", out var root) && root.ValueKind == JsonValueKind.String && root.GetString() is { } rootText && rootText.StartsWith("file:", StringComparison.Ordinal))
        {
            yield return DocumentUri.ToPath(rootText);
        }
    }

    private static JsonObject Capabilities() => new()
    {
        ["capabilities"] = new JsonObject
        {
            ["positionEncoding"] = "utf-16",
            ["textDocumentSync"] = new JsonObject { ["openClose"] = true, ["change"] = 2, ["save"] = false },
            ["completionProvider"] = new JsonObject { ["triggerCharacters"] = new JsonArray("=", "[", ":", " ", ",") },
            ["hoverProvider"] = true,
            ["signatureHelpProvider"] = new JsonObject { ["triggerCharacters"] = new JsonArray("(", ","), ["retriggerCharacters"] = new JsonArray("=") },
            ["definitionProvider"] = true,
            ["referencesProvider"] = true,
            ["documentHighlightProvider"] = true,
            ["renameProvider"] = new JsonObject { ["prepareProvider"] = true },
            ["documentSymbolProvider"] = true,
            ["workspaceSymbolProvider"] = true,
            ["foldingRangeProvider"] = true,
            ["selectionRangeProvider"] = true,
            ["inlayHintProvider"] = true,
            ["documentFormattingProvider"] = true,
            ["codeActionProvider"] = new JsonObject { ["codeActionKinds"] = new JsonArray("quickfix") },
            ["semanticTokensProvider"] = new JsonObject
            {
                ["legend"] = new JsonObject
                {
                    ["tokenTypes"] = new JsonArray([.. LspConverter.SemanticTokenTypes.Select(t => (JsonNode)t)]),
                    ["tokenModifiers"] = new JsonArray([.. LspConverter.SemanticTokenModifiers.Select(t => (JsonNode)t)]),
                },
                ["full"] = true,
            },
        },
        ["serverInfo"] = new JsonObject { ["name"] = "vdl", ["version"] = typeof(VdlLanguageServer).Assembly.GetName().Version?.ToString() },
    };

    private void Positional(string method, Func<OpenDocument, int, JsonElement, JsonNode?> handler) =>
        _connection.OnRequest(method, (p, cancellation) => LockedRequest(() =>
        {
            var (uri, position) = Positions.DocumentPosition(p);
            var document = _workspace.Get(uri);
            return handler(document, Positions.ToOffset(document.Text, position), p!.Value);
        }, cancellation));

    private void Whole(string method, Func<OpenDocument, JsonElement, JsonNode?> handler) =>
        _connection.OnRequest(method, (p, cancellation) => LockedRequest(() =>
        {
            var parameters = p ?? throw new LspException(LspErrorCodes.InvalidParams, "missing params");
            return handler(_workspace.Get(parameters.GetProperty("textDocument").GetProperty("uri").GetString()!), parameters);
        }, cancellation));

    private JsonNode? LockedRequest(Func<JsonNode?> work, CancellationToken cancellation)
    {
        if (!_initialized)
        {
            throw new LspException(LspErrorCodes.ServerNotInitialized, "initialize first");
        }

        if (_shutdown)
        {
            throw new LspException(LspErrorCodes.InvalidRequest, "the server is shutting down: only exit is expected");
        }

        lock (_workspace.Gate)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                return work();
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                // A request whose params lack what LSP says they have.
                throw new LspException(LspErrorCodes.InvalidParams, e.Message);
            }
        }
    }

    private void Locked(Action work)
    {
        lock (_workspace.Gate)
        {
            work();
        }
    }

    /// <summary>The document's text after the changes, in order: a range replaces that range, no range the whole text.</summary>
    private static string ApplyChanges(OpenDocument document, JsonElement changes)
    {
        var text = document.Text;
        foreach (var change in changes.EnumerateArray())
        {
            var newText = change.GetProperty("text").GetString() ?? string.Empty;
            if (!change.TryGetProperty("range", out var range))
            {
                text = Language.Text.SourceText.From(newText, document.Path);
                continue;
            }

            var start = Positions.ToOffset(text, range.GetProperty("start"));
            var end = Math.Max(start, Positions.ToOffset(text, range.GetProperty("end")));
            var builder = new StringBuilder(text.Length - (end - start) + newText.Length);
            builder.Append(text.Text, 0, start).Append(newText).Append(text.Text, end, text.Length - end);
            text = Language.Text.SourceText.From(builder.ToString(), document.Path);
        }

        return text.Text;
    }
}
