using System.Text;

namespace VirtLang.LanguageServer.Protocol;

/// <summary>
/// Reads LSP base-protocol messages (<c>Content-Length: N</c> headers, a blank line, N bytes of UTF-8 JSON) from a
/// stream. A malformed header is reported as a <see cref="MessageFrame"/> with an error, never an exception, so one
/// bad message cannot kill the server. A body longer than <see cref="MaxContentLength"/> is read past in small
/// pieces, never held, and reported the same way (<see cref="MessageFrame.Oversized"/>): the next message is read
/// as if it had not been there.
/// </summary>
public sealed class MessageReader(Stream input)
{
    /// <summary>Headers longer than this are not LSP; stop reading them rather than buffer forever.</summary>
    private const int MaxHeaderBytes = 8192;

    /// <summary>
    /// The largest body read, in bytes: 64 MiB, four times what the largest model file (16 MiB) takes as a JSON
    /// string, so every legitimate message fits, while <c>Content-Length: 2147483647</c> allocates nothing.
    /// </summary>
    public const int MaxContentLength = 64 * 1024 * 1024;

    /// <summary>The next message, or null at the end of the stream.</summary>
    public async Task<MessageFrame?> ReadAsync(CancellationToken cancellationToken = default)
    {
        long? contentLength = null;
        string? headerError = null;
        while (true)
        {
            var line = await ReadHeaderLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                headerError ??= $"malformed header line '{line}'";
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length))
                {
                    contentLength = length;
                }
                else
                {
                    headerError ??= $"invalid Content-Length '{value}'";
                }
            }
        }

        if (contentLength is null)
        {
            return new MessageFrame(null, headerError ?? "missing Content-Length header");
        }

        if (contentLength.Value > MaxContentLength)
        {
            return await SkipAsync(contentLength.Value, cancellationToken).ConfigureAwait(false)
                ? new MessageFrame(null, $"a message of {contentLength.Value:N0} bytes is larger than the {MaxContentLength / (1024 * 1024)} MiB limit; skipped", Oversized: true)
                : null;
        }

        var body = new byte[(int)contentLength.Value];
        var read = 0;
        while (read < body.Length)
        {
            var n = await input.ReadAsync(body.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return null;
            }

            read += n;
        }

        return new MessageFrame(Encoding.UTF8.GetString(body), headerError);
    }

    /// <summary>Reads past a body without keeping it; false when the stream ends first.</summary>
    private async Task<bool> SkipAsync(long length, CancellationToken cancellationToken)
    {
        var chunk = new byte[64 * 1024];
        while (length > 0)
        {
            var n = await input.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, length)), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return false;
            }

            length -= n;
        }

        return true;
    }

    private async Task<string?> ReadHeaderLineAsync(CancellationToken cancellationToken)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            var n = await input.ReadAsync(one, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return null;
            }

            if (one[0] == '\n')
            {
                if (bytes.Count > 0 && bytes[^1] == '\r')
                {
                    bytes.RemoveAt(bytes.Count - 1);
                }

                return Encoding.ASCII.GetString([.. bytes]);
            }

            if (bytes.Count < MaxHeaderBytes)
            {
                bytes.Add(one[0]);
            }
        }
    }
}
