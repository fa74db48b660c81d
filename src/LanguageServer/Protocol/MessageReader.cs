using System.Text;

namespace VirtLang.LanguageServer.Protocol;

/// <summary>
/// Reads LSP base-protocol messages (<c>Content-Length: N</c> headers, a blank line, N bytes of UTF-8 JSON) from a
/// stream. A malformed header is reported as a <see cref="MessageFrame"/> with an error, never an exception, so one
/// bad message cannot kill the server.
/// </summary>
public sealed class MessageReader(Stream input)
{
    /// <summary>Headers longer than this are not LSP; stop reading them rather than buffer forever.</summary>
    private const int MaxHeaderBytes = 8192;

    /// <summary>The next message, or null at the end of the stream.</summary>
    public async Task<MessageFrame?> ReadAsync(CancellationToken cancellationToken = default)
    {
        int? contentLength = null;
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
                if (int.TryParse(value, out var length) && length >= 0)
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

        var body = new byte[contentLength.Value];
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
