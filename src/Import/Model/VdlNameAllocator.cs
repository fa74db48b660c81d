using System.Text;

namespace VirtLang.Import.Model;

/// <summary>
/// Turns a source's names (`web server.example.com`, `01-db`) into VDL identifiers, unique in the model: a letter or
/// `_` first, then letters, digits, `_` and `-`, not ending in `-`. Anything else becomes `-`; a name that does not
/// start with a letter gets the kind's prefix; a name taken gets `_2`, `_3`... (never `-N`, which is how `count` names
/// its copies). A guest with `count` also reserves its copies' names.
/// </summary>
public sealed class VdlNameAllocator
{
    /// <summary>Long enough for any real name, short enough that a report column stays readable.</summary>
    public const int MaxLength = 64;

    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public string Allocate(string original, string prefix, int copies = 0)
    {
        var stem = Sanitize(original, prefix);
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? stem : $"{stem}_{n}";
            if (_taken.Contains(candidate) || Enumerable.Range(1, copies).Any(i => _taken.Contains($"{candidate}-{i}")))
            {
                continue;
            }

            _taken.Add(candidate);
            for (var i = 1; i <= copies; i++)
            {
                _taken.Add($"{candidate}-{i}");
            }

            return candidate;
        }
    }

    public static string Sanitize(string original, string prefix)
    {
        var builder = new StringBuilder(Math.Min(original.Length, MaxLength) + prefix.Length + 1);
        foreach (var c in original)
        {
            var keep = char.IsAsciiLetterOrDigit(c) || c == '_';
            if (keep)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }

            if (builder.Length >= MaxLength)
            {
                break;
            }
        }

        while (builder.Length > 0 && builder[^1] == '-')
        {
            builder.Length--;
        }

        if (builder.Length == 0)
        {
            return prefix;
        }

        if (!char.IsAsciiLetter(builder[0]) && builder[0] != '_')
        {
            builder.Insert(0, prefix + "-");
        }

        return builder.ToString();
    }
}
