using System.Text;

namespace VirtLang.Import.Compose;

/// <summary>
/// Compose's `${VAR}` interpolation without the environment: the import never reads it, so the same file gives the
/// same model on every machine. `$$` is a `$`; `${VAR:-default}` and `${VAR-default}` take their default; a variable
/// without one (`$VAR`, `${VAR}`, `${VAR:?error}`) leaves the value unknown, and the caller reports it.
/// </summary>
internal static class ComposeInterpolation
{
    /// <summary>The value with defaults substituted, or null (and the first unresolved variable) when one has none.</summary>
    public static string? Resolve(string value, out string? unresolved)
    {
        unresolved = null;
        if (!value.Contains('$', StringComparison.Ordinal))
        {
            return value;
        }

        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '$' || i + 1 >= value.Length)
            {
                result.Append(value[i]);
                continue;
            }

            var next = value[i + 1];
            if (next == '$')
            {
                result.Append('$');
                i++;
            }
            else if (next == '{' && value.IndexOf('}', i + 2) is var close and > 0)
            {
                var body = value[(i + 2)..close];
                var separator = body.IndexOf(":-", StringComparison.Ordinal) is var colonDash and >= 0 ? (colonDash, 2)
                    : body.IndexOf('-', StringComparison.Ordinal) is var dash and >= 0 ? (dash, 1) : (-1, 0);
                if (separator.Item1 < 0 || body.Contains('?', StringComparison.Ordinal))
                {
                    unresolved = "${" + body + "}";
                    return null;
                }

                result.Append(body[(separator.Item1 + separator.Item2)..]);
                i = close;
            }
            else if (char.IsAsciiLetter(next) || next == '_')
            {
                var end = i + 1;
                while (end < value.Length && (char.IsAsciiLetterOrDigit(value[end]) || value[end] == '_'))
                {
                    end++;
                }

                unresolved = value[i..end];
                return null;
            }
            else
            {
                result.Append('$');
            }
        }

        return result.ToString();
    }
}
