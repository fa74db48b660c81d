using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Nodes;
using VirtLang.LanguageServer.Protocol;

namespace VirtLang.LanguageServer.Tests;

/// <summary>
/// The server in process, over pipes, with the real framing: send requests and notifications, await responses by
/// id and notifications by predicate. Shared by the server's tests and the latency benchmark.
/// </summary>
internal sealed class LspSession : IAsyncDisposable
{
    private readonly Pipe _toServer = new();
    private readonly Pipe _fromServer = new();
    private readonly MessageWriter _writer;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _responses = new();
    private readonly List<(Func<JsonElement, bool> Match, TaskCompletionSource<JsonElement> Done)> _waiters = [];
    private readonly List<JsonElement> _notifications = [];
    private readonly Task _reader;
    private int _nextId;

    /// <summary>What a test waits for a response or a notification at most: a server that never answers fails, it does not hang.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public LspSession(TimeSpan? diagnosticsDelay = null)
    {
        Server = new VdlLanguageServer(_toServer.Reader.AsStream(), _fromServer.Writer.AsStream(), TextWriter.Null, diagnosticsDelay);
        Run = Task.Run(Server.RunAsync);
        _writer = new MessageWriter(_toServer.Writer.AsStream());
        _reader = Task.Run(ReadAsync);
    }

    public VdlLanguageServer Server { get; }

    public Task<int> Run { get; }

    public Task<JsonElement> RequestAsync(string method, object? parameters, out int id)
    {
        id = Interlocked.Increment(ref _nextId);
        var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _responses[id] = done;
        _ = SendAsync(new { jsonrpc = "2.0", id, method, @params = parameters });
        return done.Task.WaitAsync(Timeout);
    }

    public Task<JsonElement> RequestAsync(string method, object? parameters = null) => RequestAsync(method, parameters, out _);

    public Task NotifyAsync(string method, object? parameters = null) => SendAsync(new { jsonrpc = "2.0", method, @params = parameters });

    public Task SendRawAsync(string body) => _writer.WriteAsync(body);

    /// <summary>The first notification (already received or to come) that matches.</summary>
    public Task<JsonElement> NotificationAsync(Func<JsonElement, bool> match)
    {
        lock (_waiters)
        {
            foreach (var n in _notifications)
            {
                if (match(n))
                {
                    return Task.FromResult(n);
                }
            }

            var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            return done.Task.WaitAsync(Timeout);
        }
    }

    public Task<JsonElement> DiagnosticsAsync(string uri, int version) =>
        NotificationAsync(n => n.GetProperty("method").GetString() == "textDocument/publishDiagnostics"
            && n.GetProperty("params").GetProperty("uri").GetString() == uri
            && n.GetProperty("params").TryGetProperty("version", out var v) && v.GetInt32() == version);

    /// <param name="folder">The workspace folder the client opened, if any (its closed files count for references and rename).</param>
    /// <param name="capabilities">The client's capabilities (none by default).</param>
    public async Task InitializeAsync(string? folder = null, object? capabilities = null)
    {
        var workspaceFolders = folder is null ? null : new[] { new { uri = new Uri(folder).AbsoluteUri, name = "workspace" } };
        await RequestAsync("initialize", new { processId = (int?)null, rootUri = (string?)null, workspaceFolders, capabilities = capabilities ?? new { } });
        await NotifyAsync("initialized", new { });
    }

    public Task OpenAsync(string uri, string text, int version = 1) =>
        NotifyAsync("textDocument/didOpen", new { textDocument = new { uri, languageId = "vdl", version, text } });

    public static object Position(string uri, int line, int character) => new { textDocument = new { uri }, position = new { line, character } };

    public async ValueTask DisposeAsync()
    {
        await _toServer.Writer.CompleteAsync();
        try
        {
            await Run.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
        }

        // Disposed before its output closes: a debounced publish still due must not write into a completed pipe.
        Server.Dispose();
        await _fromServer.Writer.CompleteAsync();
        await _reader.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private Task SendAsync(object message) => _writer.WriteAsync(JsonSerializer.Serialize(message));

    private async Task ReadAsync()
    {
        var reader = new MessageReader(_fromServer.Reader.AsStream());
        while (await reader.ReadAsync() is { Body: { } body })
        {
            var message = JsonDocument.Parse(body).RootElement.Clone();
            if (message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && !message.TryGetProperty("method", out _))
            {
                if (_responses.TryRemove(id.GetInt32(), out var done))
                {
                    done.SetResult(message);
                }

                continue;
            }

            lock (_waiters)
            {
                _notifications.Add(message);
                foreach (var waiter in _waiters.Where(w => w.Match(message)).ToList())
                {
                    _waiters.Remove(waiter);
                    waiter.Done.SetResult(message);
                }
            }
        }
    }
}

internal static class JsonElementExtensions
{
    public static JsonNode? ToNode(this JsonElement element) => JsonNode.Parse(element.GetRawText());
}
