namespace VirtLang.Language.Diagnostics;

/// <summary>The one order in which diagnostics are shown everywhere: file, position, code, message. Deterministic output depends on it.</summary>
public sealed class DiagnosticOrder : IComparer<Diagnostic>
{
    public static readonly DiagnosticOrder Instance = new();

    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var c = string.CompareOrdinal(x.Location.Path, y.Location.Path);
        if (c != 0)
        {
            return c;
        }

        c = x.Location.Span.Start.CompareTo(y.Location.Span.Start);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Code, y.Code);
        return c != 0 ? c : string.CompareOrdinal(x.Message, y.Message);
    }
}
