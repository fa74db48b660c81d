using System.Collections.Immutable;
using VirtLang.Language.Text;

namespace VirtLang.Language.Diagnostics;

/// <summary>
/// Collects diagnostics while a stage runs. Caps the number of errors per file so that a 50 MB binary blob
/// gives a readable report, not millions of lines.
/// </summary>
public sealed class DiagnosticBag
{
    public const int MaxErrors = 200;

    private readonly List<Diagnostic> _items = [];
    private int _errorCount;
    private bool _capped;

    public int Count => _items.Count;

    public bool HasErrors => _errorCount > 0;

    public void Add(Diagnostic diagnostic)
    {
        if (diagnostic.IsError)
        {
            if (_capped)
            {
                return;
            }

            if (_errorCount == MaxErrors)
            {
                _capped = true;
                _items.Add(new Diagnostic(
                    SyntaxDiagnostics.TooManyErrors,
                    diagnostic.Location,
                    [MaxErrors]));
                return;
            }

            _errorCount++;
        }

        _items.Add(diagnostic);
    }

    public void Add(DiagnosticDescriptor descriptor, SourceText source, TextSpan span, params object[] arguments) =>
        Add(new Diagnostic(descriptor, new Location(source, span), arguments));

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Add(d);
        }
    }

    /// <summary>The diagnostics in <see cref="DiagnosticOrder"/>.</summary>
    public ImmutableArray<Diagnostic> ToSortedArray()
    {
        var array = _items.ToArray();
        // A stable sort: equal keys keep the order in which they were reported.
        var indexed = array.Select((d, i) => (d, i)).ToArray();
        Array.Sort(indexed, (a, b) =>
        {
            var c = DiagnosticOrder.Instance.Compare(a.d, b.d);
            return c != 0 ? c : a.i.CompareTo(b.i);
        });
        return [.. indexed.Select(p => p.d)];
    }
}
