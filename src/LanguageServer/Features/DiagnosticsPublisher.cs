using System.Text.Json.Nodes;
using VirtLang.LanguageServer.Protocol;
using VirtLang.LanguageServer.Workspace;

namespace VirtLang.LanguageServer.Features;

/// <summary>
/// Publishes each open document's diagnostics a short while after the last change to it or to a file it imports
/// (debounced: a burst of keystrokes is checked once, at its end), with the version checked, so the client can
/// drop a result for text it no longer has.
/// </summary>
internal sealed class DiagnosticsPublisher : IDisposable
{
    private readonly ModelWorkspace _workspace;
    private readonly Func<string, JsonNode, Task> _notify;
    private readonly TextWriter _log;
    private readonly HashSet<string> _due = new(StringComparer.Ordinal);
    private readonly Timer _timer;

    /// <summary>Held while publishing: two timer callbacks never interleave, so a document's results go out in order.</summary>
    private readonly Lock _publishing = new();
    private volatile bool _disposed;

    public DiagnosticsPublisher(ModelWorkspace workspace, Func<string, JsonNode, Task> notify, TimeSpan delay, TextWriter log)
    {
        _workspace = workspace;
        _notify = notify;
        _log = log;
        Delay = delay;
        _timer = new Timer(_ => PublishDue());
    }

    public TimeSpan Delay { get; }

    /// <summary>Schedules the documents (the caller holds the workspace's gate); the timer restarts, so only a pause in typing publishes.</summary>
    public void Schedule(IEnumerable<OpenDocument> documents)
    {
        foreach (var document in documents)
        {
            _due.Add(document.Uri);
        }

        _timer.Change(Delay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Clears what a closed document showed.</summary>
    public void Clear(string uri) =>
        _notify("textDocument/publishDiagnostics", LspConverter.PublishedDiagnostics(new PublishedDiagnostics(uri, Version: null, [])));

    /// <summary>
    /// The timer's callback. An exception escaping a timer callback ends the process, so whatever goes wrong
    /// here (a compiler bug, a client that went away mid-write) is logged and the server carries on.
    /// </summary>
    private void PublishDue()
    {
        lock (_publishing)
        {
            if (_disposed)
            {
                return;
            }

            try
            {
                Publish();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _log.WriteLine($"vdl lsp: publishing diagnostics failed: {e}");
            }
        }
    }

    private void Publish()
    {
        var notifications = new List<PublishedDiagnostics>();
        lock (_workspace.Gate)
        {
            foreach (var uri in _due)
            {
                if (_workspace.Find(uri) is not { } document)
                {
                    continue;
                }

                var compilation = _workspace.CompilationOf(document);
                var diagnostics = compilation.Diagnostics.Where(d => document.Contains(d.Location));
                notifications.Add(new PublishedDiagnostics(document.Uri, document.Version, [.. diagnostics]));
            }

            _due.Clear();
        }

        // Converted outside the gate, which requests wait on: diagnostics and the texts they point into are immutable.
        foreach (var notification in notifications)
        {
            _notify("textDocument/publishDiagnostics", LspConverter.PublishedDiagnostics(notification)).GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// No publish starts after this. One already writing is not waited for: a client that stopped reading would
    /// block it, and the server's exit with it; what it writes to a closed output is logged, not thrown.
    /// </summary>
    public void Dispose()
    {
        _disposed = true;
        _timer.Dispose();
    }
}
