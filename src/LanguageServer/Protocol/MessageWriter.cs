using System.Globalization;
using System.Text;

namespace VirtLang.LanguageServer.Protocol;

/// <summary>Writes LSP base-protocol messages; one at a time, whole, even when handlers answer concurrently.</summary>
public sealed class MessageWriter(Stream output)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task WriteAsync(string json, CancellationToken cancellationToken = default)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n"));
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await output.WriteAsync(header, cancellationToken).ConfigureAwait(false);
            await output.WriteAsync(body, cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
