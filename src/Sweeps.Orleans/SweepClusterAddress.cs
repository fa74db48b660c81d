using System.Globalization;
using System.Net;

namespace VirtLang.Sweeps.Orleans;

/// <summary>
/// Where a sweep cluster's membership lives: the Redis server of <c>--cluster redis://HOST:PORT</c>. Only that form is
/// taken (no user, password, database or path): a worker and a sweep must name the same server the same way, and
/// anything more would be a second, undocumented way to say it.
/// </summary>
public sealed record SweepClusterAddress(string Host, int Port)
{
    public const string Scheme = "redis://";

    /// <summary>The StackExchange.Redis endpoint text, an IPv6 address in brackets.</summary>
    public string Endpoint => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    public override string ToString() => Scheme + Endpoint;

    /// <summary>Parses <c>redis://HOST:PORT</c>; on failure <paramref name="error"/> says what is wrong in words.</summary>
    public static bool TryParse(string? text, out SweepClusterAddress? address, out string error)
    {
        address = null;
        error = string.Empty;
        var shown = text ?? string.Empty;
        if (text is null || !text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            error = $"--cluster takes redis://HOST:PORT (the Redis server the workers joined), not `{shown}`";
            return false;
        }

        var rest = text[Scheme.Length..];
        if (rest.EndsWith('/'))
        {
            rest = rest[..^1];
        }

        string host;
        string portText;
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= rest.Length || rest[close + 1] != ':')
            {
                error = $"--cluster: `{shown}` has no port; write redis://HOST:PORT, e.g. redis://[::1]:6379";
                return false;
            }

            host = rest[1..close];
            portText = rest[(close + 2)..];
            if (!IPAddress.TryParse(host, out _))
            {
                error = $"--cluster: `{host}` in brackets is not an IPv6 address";
                return false;
            }
        }
        else
        {
            var colon = rest.LastIndexOf(':');
            if (colon < 0)
            {
                error = $"--cluster: `{shown}` has no port; write redis://HOST:PORT, e.g. redis://127.0.0.1:6379";
                return false;
            }

            host = rest[..colon];
            portText = rest[(colon + 1)..];
            if (host.Length == 0 || host.Length > 253 || !host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                error = $"--cluster: `{shown}` does not name a host (a name or address, then :PORT; no user, password or path)";
                return false;
            }
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error = $"--cluster: the port must be a whole number from 1 to 65535, not `{portText}`";
            return false;
        }

        address = new SweepClusterAddress(host, port);
        return true;
    }
}
