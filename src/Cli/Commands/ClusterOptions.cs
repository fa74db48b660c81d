using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using VirtLang.Sweeps.Orleans;

namespace VirtLang.Cli.Commands;

/// <summary>The options of <c>vdl worker</c> and <c>vdl sweep</c> that name a sweep cluster and its ports, parsed in words.</summary>
internal static class ClusterOptions
{
    /// <summary><c>--cluster redis://HOST:PORT</c>; a bad value is a usage error (exit 2) saying what the form is.</summary>
    public static Option<SweepClusterAddress?> Cluster(string description, bool required) => new("--cluster")
    {
        Description = description,
        Required = required,
        CustomParser = ParseCluster,
    };

    /// <summary>A TCP port, 1 to 65535.</summary>
    public static Option<int?> Port(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => ParsePort(name, result),
    };

    private static SweepClusterAddress? ParseCluster(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (SweepClusterAddress.TryParse(text, out var address, out var error))
        {
            return address;
        }

        result.AddError(Rendering.TerminalText.Sanitize(error));
        return null;
    }

    private static int? ParsePort(string name, ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
        {
            return port;
        }

        result.AddError($"{name} takes a port from 1 to 65535, not `{Rendering.TerminalText.Sanitize(text)}`");
        return null;
    }
}
