using System.Collections.Immutable;

namespace VirtLang.Language.Literals;

/// <summary>
/// A version or patch level: numbers separated by dots, with an optional <c>-label</c> (<c>8.6</c>, <c>2024.03</c>,
/// <c>4.18.0-rc1</c>). Compared numerically part by part, missing parts as 0 (<c>2024.03</c> = <c>2024.3.0</c>);
/// a labelled version sorts before the same version without a label.
/// </summary>
public sealed class Version : IComparable<Version>, IEquatable<Version>
{
    public Version(ImmutableArray<long> parts, string? label, string text)
    {
        Parts = parts;
        Label = label;
        Text = text;
    }

    public ImmutableArray<long> Parts { get; }

    public string? Label { get; }

    /// <summary>As written.</summary>
    public string Text { get; }

    public int CompareTo(Version? other)
    {
        if (other is null)
        {
            return 1;
        }

        var n = Math.Max(Parts.Length, other.Parts.Length);
        for (var i = 0; i < n; i++)
        {
            var a = i < Parts.Length ? Parts[i] : 0;
            var b = i < other.Parts.Length ? other.Parts[i] : 0;
            if (a != b)
            {
                return a.CompareTo(b);
            }
        }

        return (Label, other.Label) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => string.CompareOrdinal(Label, other.Label),
        };
    }

    public bool Equals(Version? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is Version v && Equals(v);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        var last = Parts.Length - 1;
        while (last >= 0 && Parts[last] == 0)
        {
            last--;
        }

        for (var i = 0; i <= last; i++)
        {
            hash.Add(Parts[i]);
        }

        hash.Add(Label, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    public override string ToString() => Text;
}
