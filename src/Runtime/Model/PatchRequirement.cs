namespace VirtLang.Runtime.Model;

/// <summary>The patch levels an application is certified for: clauses that must all hold (<c>">= 2024.03, &lt; 2025"</c>).</summary>
public sealed record PatchRequirement(IReadOnlyList<(PatchComparison Op, string Level)> Clauses, string Text)
{
    /// <summary>No patch (the OS at its base release) satisfies no requirement (language.md, defaults).</summary>
    public bool IsSatisfiedBy(string? level)
    {
        if (level is null)
        {
            return false;
        }

        foreach (var (op, bound) in Clauses)
        {
            var c = PatchLevel.Compare(level, bound);
            var ok = op switch
            {
                PatchComparison.Equal => c == 0,
                PatchComparison.NotEqual => c != 0,
                PatchComparison.Less => c < 0,
                PatchComparison.LessOrEqual => c <= 0,
                PatchComparison.Greater => c > 0,
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
