using System.Globalization;
using System.Text;

namespace VirtLang.Runtime.Model;

/// <summary>
/// The tokens of <see cref="TopologyDataFormat"/> text, read one after another from untrusted bytes: every read checks
/// what it gets and throws a <see cref="TopologyDataException"/> at the place of the record being read, never an
/// index or format exception. Nothing is read past the end; a count can never promise more items than bytes are left.
/// </summary>
internal sealed class TopologyDataTokens(byte[] data)
{
    private readonly List<string> _files = [];
    private int _position;
    private int _file = -1;
    private int _line;

    public void AddFile(string path) => _files.Add(path);

    public TopologyDataException Error(string problem) =>
        new(_file >= 0 ? _files[_file] : null, _line, $"malformed model data at byte {_position}: {problem}");

    /// <summary>A runtime refusal of a value, at the record's place.</summary>
    public TopologyDataException Refused(Exception e) => new(_file >= 0 ? _files[_file] : null, _line, e.Message, e);

    public bool AtEnd
    {
        get
        {
            SkipSpace();
            return _position >= data.Length;
        }
    }

    public void Expect(string word)
    {
        var token = Next();
        if (!token.SequenceEqual(Encoding.ASCII.GetBytes(word)))
        {
            throw Error($"expected `{word}`");
        }
    }

    /// <summary>A record's place: <c>F:L</c> (file index, line), or <c>D</c>/<c>-D</c> (lines after or before the previous place, in its file).</summary>
    public void Location()
    {
        var token = Text(Next());
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            var file = ParseInt(token[..colon], 0, _files.Count - 1);
            _file = file;
            _line = ParseInt(token[(colon + 1)..], 1, int.MaxValue);
        }
        else if (_file >= 0)
        {
            var line = token[0] == '-' ? (long)_line - ParseInt(token[1..], 0, int.MaxValue) : (long)_line + ParseInt(token, 0, int.MaxValue);
            _line = line is >= 1 and <= int.MaxValue ? (int)line : throw Error("a line out of range");
        }
        else
        {
            throw Error("expected a place");
        }
    }

    /// <summary>A count of items that each take at least two bytes, within <paramref name="max"/>.</summary>
    public int Count(int max = int.MaxValue) => Int(0, Math.Min(max, (data.Length - _position) / 2));

    public int Int(int min, int max) => ParseInt(Text(Next()), min, max);

    public long Long()
    {
        var token = Text(Next());
        return long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Error("expected an integer");
    }

    public long? NullableLong() => TakeNull() ? null : Long();

    public double Double()
    {
        var token = Text(Next());
        return double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Error("expected a number");
    }

    public double? NullableDouble() => TakeNull() ? null : Double();

    public bool Bool() => Text(Next()) switch
    {
        "0" => false,
        "1" => true,
        _ => throw Error("expected 0 or 1"),
    };

    public bool? NullableBool() => TakeNull() ? null : Bool();

    public T Enum<T>()
        where T : struct, Enum
    {
        var token = Text(Next());
        return token.All(char.IsAsciiLetter) && System.Enum.TryParse<T>(token, ignoreCase: false, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw Error($"expected a {typeof(T).Name}");
    }

    public string String() => TakeNull() ? throw Error("expected a string") : Unescape(Next());

    public string? NullableString() => TakeNull() ? null : Unescape(Next());

    /// <summary>Whether the next token is <c>~</c> (null or absent), taking it when it is.</summary>
    public bool TakeNull()
    {
        SkipSpace();
        if (_position < data.Length && data[_position] == (byte)'~' && (_position + 1 == data.Length || IsSpace(data[_position + 1])))
        {
            _position++;
            return true;
        }

        return false;
    }

    /// <summary>The next word when it is one of <paramref name="words"/>.</summary>
    public string Word(params ReadOnlySpan<string> words)
    {
        var token = Text(Next());
        foreach (var word in words)
        {
            if (token == word)
            {
                return word;
            }
        }

        throw Error($"expected one of {string.Join(", ", words.ToArray())}");
    }

    private ReadOnlySpan<byte> Next()
    {
        SkipSpace();
        var start = _position;
        while (_position < data.Length && !IsSpace(data[_position]))
        {
            _position++;
        }

        return _position > start ? data.AsSpan(start, _position - start) : throw Error("unexpected end");
    }

    private void SkipSpace()
    {
        while (_position < data.Length && IsSpace(data[_position]))
        {
            _position++;
        }
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\n';

    /// <summary>A token as text: only printable ASCII is ever written, anything else is not ours.</summary>
    private string Text(ReadOnlySpan<byte> token)
    {
        foreach (var b in token)
        {
            if (b is < 0x21 or > 0x7E)
            {
                throw Error("a byte outside printable ASCII");
            }
        }

        return Encoding.ASCII.GetString(token);
    }

    private string Unescape(ReadOnlySpan<byte> token)
    {
        var text = Text(token);
        if (text[0] != '\'')
        {
            throw Error("expected a string");
        }

        var result = new StringBuilder(text.Length);
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                if (text.Length - i - 1 < 4
                    || !ushort.TryParse(text.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
                {
                    throw Error("a bad escape in a string");
                }

                result.Append((char)unit);
                i += 4;
            }
            else if (TopologyDataFormat.IsPlain(c))
            {
                result.Append(c);
            }
            else
            {
                throw Error("an unescaped character in a string");
            }
        }

        return result.ToString();
    }

    private int ParseInt(string token, int min, int max) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Error($"expected a whole number from {min} to {max}");
}
