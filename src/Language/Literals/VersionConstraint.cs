using System.Collections.Immutable;

namespace VirtLang.Language.Literals;

/// <summary>Comparisons that must all hold: <c>">= 8.6, &lt; 9"</c>. A bare version means equality.</summary>
public sealed class VersionConstraint
{
    public VersionConstraint(ImmutableArray<(VersionComparison Op, Version Version)> clauses, string text)
    {
        Clauses = clauses;
        Text = text;
    }

    public ImmutableArray<(VersionComparison Op, Version Version)> Clauses { get; }

    public string Text { get; }

    public bool IsSatisfiedBy(Version version)
    {
        foreach (var (op, bound) in Clauses)
        {
            var c = version.CompareTo(bound);
            var ok = op switch
            {
                VersionComparison.Equal => c == 0,
                VersionComparison.NotEqual => c != 0,
                VersionComparison.Less => c < 0,
                VersionComparison.LessOrEqual => c <= 0,
                VersionComparison.Greater => c > 0,
                _ => c >= 0,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => Text;
}
