using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace VirtLang.LanguageServer.Protocol;

/// <summary>A request handler: the params (or null) and a token cancelled by <c>$/cancelRequest</c>; returns the result.</summary>
internal delegate JsonNode? RequestHandler(JsonElement? parameters, CancellationToken cancellationToken);

/// <summary>A notification handler.</summary>
internal delegate void NotificationHandler(JsonElement? parameters);

/// <summary>
/// JSON-RPC 2.0 over the LSP base protocol. One task reads and frames messages and honours <c>$/cancelRequest</c>
/// at once; one dispatcher runs messages in the order they came (a change is applied before the request after it),
/// so handlers never race each other. A malformed message gets an error response (or is logged when it has no id),
/// an exception in a handler becomes an InternalError response: neither stops the server.
/// </summary>
internal sealed class JsonRpcConnection(Stream input, Stream output, TextWriter log)
{
    private readonly MessageReader _reader = new(input);
    private readonly MessageWriter _writer = new(output);
    private readonly Dictionary<string, RequestHandler> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NotificationHandler> _notifications = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _pending = new(StringComparer.Ordinal);
    private readonly Channel<(JsonElement Message, CancellationTokenSource? Cancellation)> _queue =
        Channel.CreateUnbounded<(JsonElement, CancellationTokenSource?)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    public void OnRequest(string method, RequestHandler handler) => _requests[method] = handler;

    public void OnNotification(string method, NotificationHandler handler) => _notifications[method] = handler;

    private int _cancelled;

    /// <summary>How many pending requests <c>$/cancelRequest</c> has cancelled: a test waits on it instead of on time.</summary>
    public int CancelledCount => Volatile.Read(ref _cancelled);

    /// <summary>Set by the <c>exit</c> notification: the loop ends after it.</summary>
    public bool ExitRequested { get; set; }

    /// <summary>Runs until the input ends or <c>exit</c>.</summary>
    public async Task RunAsync()
    {
        var dispatcher = Task.Run(DispatchAsync);
        try
        {
            while (!ExitRequested && await _reader.ReadAsync().ConfigureAwait(false) is { } frame)
            {
                Receive(frame);
            }
        }
        finally
        {
            _queue.Writer.TryComplete();
        }

        await dispatcher.ConfigureAwait(false);
    }

    public Task NotifyAsync(string method, JsonNode parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    private void Receive(MessageFrame frame)
    {
        if (frame.Body is null)
        {
            log.WriteLine($"vdl lsp: dropped a message: {frame.Error}");
            if (frame.Oversized)
            {
                // Its id is in the body nobody read: answered as JSON-RPC answers what it cannot identify, with a null id.
                _ = SendErrorAsync(null, LspErrorCodes.InvalidRequest, frame.Error!);
            }

            return;
        }

        JsonElement message;
        try
        {
            using var document = JsonDocument.Parse(frame.Body);
            message = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            _ = SendErrorAsync(null, LspErrorCodes.ParseError, "the message is not JSON: " + e.Message);
            return;
        }

        if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("method", out var method) || method.ValueKind != JsonValueKind.String)
        {
            if (message.ValueKind == JsonValueKind.Object && message.TryGetProperty("id", out var badId) && !message.TryGetProperty("result", out _) && !message.TryGetProperty("error", out _))
            {
                _ = SendErrorAsync(badId.Clone(), LspErrorCodes.InvalidRequest, "a request needs a method");
            }

            // Responses to requests we never send, or junk: nothing to answer.
            return;
        }

        if (method.GetString() == "$/cancelRequest")
        {
            if (message.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("id", out var id)
                && _pending.TryGetValue(IdKey(id), out var source))
            {
                source.Cancel();
                Interlocked.Increment(ref _cancelled);
            }

            return;
        }

        CancellationTokenSource? cancellation = null;
        if (message.TryGetProperty("id", out var requestId))
        {
            cancellation = new CancellationTokenSource();
            _pending[IdKey(requestId)] = cancellation;
        }

        _queue.Writer.TryWrite((message, cancellation));
        if (method.GetString() == "exit")
        {
            ExitRequested = true;
        }
    }

    private async Task DispatchAsync()
    {
        await foreach (var (message, cancellation) in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var method = message.GetProperty("method").GetString()!;
            var parameters = message.TryGetProperty("params", out var p) ? p : (JsonElement?)null;
            if (cancellation is null)
            {
                if (_notifications.TryGetValue(method, out var notification))
                {
                    try
                    {
                        notification(parameters);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        log.WriteLine($"vdl lsp: {method} failed: {e}");
                    }
                }

                continue;
            }

            var id = message.GetProperty("id").Clone();
            try
            {
                if (cancellation.IsCancellationRequested)
                {
                    await SendErrorAsync(id, LspErrorCodes.RequestCancelled, "cancelled").ConfigureAwait(false);
                }
                else if (!_requests.TryGetValue(method, out var handler))
                {
                    await SendErrorAsync(id, LspErrorCodes.MethodNotFound, $"no method `{method}`").ConfigureAwait(false);
                }
                else
                {
                    var result = handler(parameters, cancellation.Token);
                    await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonValue(id), ["result"] = result }).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                await SendErrorAsync(id, LspErrorCodes.RequestCancelled, "cancelled").ConfigureAwait(false);
            }
            catch (LspException e)
            {
                await SendErrorAsync(id, e.Code, e.Message).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                log.WriteLine($"vdl lsp: {method} failed: {e}");
                await SendErrorAsync(id, LspErrorCodes.InternalError, $"{method} failed: {e.Message}").ConfigureAwait(false);
            }
            finally
            {
                _pending.TryRemove(IdKey(id), out _);
                cancellation.Dispose();
            }
        }
    }

    private Task SendErrorAsync(JsonElement? id, int code, string message) =>
        SendAsync(new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id is { } value ? JsonValue(value) : null,
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
        });

    private async Task SendAsync(JsonObject message)
    {
        var json = message.ToJsonString(WireFormat);
        try
        {
            await _writer.WriteAsync(json).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away (a closed stream, a completed pipe); the read loop ends on its own.
            log.WriteLine($"vdl lsp: cannot write: {e.Message}");
        }
    }

    /// <summary>Text as it is (a backtick stays a backtick): the wire is UTF-8 JSON, not HTML.</summary>
    private static readonly JsonSerializerOptions WireFormat = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonNode? JsonValue(JsonElement element) => JsonNode.Parse(element.GetRawText());

    private static string IdKey(JsonElement id) => id.GetRawText();
}
