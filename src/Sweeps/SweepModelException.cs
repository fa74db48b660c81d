namespace VirtLang.Sweeps;

/// <summary>
/// The model of a sweep cannot run: it has errors (<see cref="Diagnostics"/> holds them as <c>vdl check</c> prints
/// them, one a line), its scenario is unknown, or the simulator refused its setup.
/// </summary>
public sealed class SweepModelException : Exception
{
    public SweepModelException()
        : this("the model cannot be swept", [])
    {
    }

    public SweepModelException(string message)
        : this(message, [])
    {
    }

    public SweepModelException(string message, Exception inner)
        : base(message, inner)
    {
        Diagnostics = [];
    }

    public SweepModelException(string message, IReadOnlyList<string> diagnostics)
        : base(diagnostics.Count == 0 ? message : message + Environment.NewLine + string.Join(Environment.NewLine, diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>The problems, one a line (<c>path(line,col): error VDLxxxx: message</c> for the checker's).</summary>
    public IReadOnlyList<string> Diagnostics { get; }

    /// <summary>What kind of problem it is.</summary>
    public SweepModelProblem Problem { get; init; }

    /// <summary>The diagnostics as one text, one a line.</summary>
    public string DiagnosticsText => string.Join("\n", Diagnostics);
}
