using VirtLang.Compiler.Diagnostics;
using VirtLang.Language.Diagnostics;
using VirtLang.Runtime.Profiles;

namespace VirtLang.Compiler.Binding;

/// <summary>
/// Reads the files of <c>trace(...)</c> profiles at check time, with the runtime's own reader and parser
/// (<see cref="TraceProfile.Load"/>), so that a file the run would refuse is a diagnostic at the call's argument:
/// VDL1037 when the file cannot be used at all, VDL1038 with the line and column of what is malformed. Each file is
/// read once per compilation, and each place that names it is reported once.
/// </summary>
internal sealed class TraceFiles(List<Diagnostic> diagnostics)
{
    private readonly Dictionary<string, (TraceProfile? Profile, TraceFormatException? Problem)> _read = new(StringComparer.Ordinal);
    private readonly HashSet<(string Path, int Start)> _reported = [];

    /// <summary>The trace's profile, or null when it cannot be read (then reported at <paramref name="argument"/>).</summary>
    public TraceProfile? Load(string path, Location argument)
    {
        if (!_read.TryGetValue(path, out var read))
        {
            try
            {
                read = (TraceProfile.Load(path), null);
            }
            catch (TraceFormatException e)
            {
                read = (null, e);
            }

            _read[path] = read;
        }

        if (read.Problem is { } problem && _reported.Add((argument.Path, argument.Span.Start)))
        {
            diagnostics.Add(problem.Line == 0
                ? new Diagnostic(CompilerDiagnostics.TraceFileUnusable, argument, [path, problem.Problem])
                : new Diagnostic(CompilerDiagnostics.TraceFileMalformed, argument, [path, problem.Line, problem.Column, problem.Problem]));
        }

        return read.Profile;
    }
}
