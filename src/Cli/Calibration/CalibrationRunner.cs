using VirtLang.Compiler;
using VirtLang.Compiler.Hosting;
using VirtLang.Language.Text;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Profiles;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Cli.Calibration;

/// <summary>
/// Runs one calibration file the way <c>vdl run</c> runs a model (check, generated C#, first scenario) and evaluates
/// each of its expect rows against the result.
/// </summary>
internal static class CalibrationRunner
{
    /// <param name="diagnostics">Where a model's errors are printed, as <c>vdl run</c> prints them.</param>
    public static CalibrationOutcome Run(SourceText source, CliContext context, TextWriter diagnostics)
    {
        var problems = new List<CalibrationProblem>();
        var header = CalibrationHeaderParser.Parse(source, problems);
        if (header is null)
        {
            return new CalibrationOutcome([], problems, ModelFailed: false);
        }

        CalibrationOutcome Failed(string message) =>
            new([.. header.Expectations.Select(e => CalibrationRow.Failed(source.Path, header, e, message))], [], ModelFailed: true);

        var compilation = ModelCompilation.Create([source]);
        if (context.RefuseModelWithErrors(compilation, notDone: null, diagnostics) is not null)
        {
            return Failed("the model has errors");
        }

        GeneratedModel model;
        try
        {
            model = ModelHost.Load(compilation);
        }
        catch (Exception e) when (e is TraceFormatException or IOException or UnauthorizedAccessException)
        {
            return Failed(e.Message);
        }
        catch (GeneratedCodeException e)
        {
            context.ReportGeneratedCodeFailure(e);
            return Failed("internal error: the generated code failed (a bug of vdl)");
        }

        problems.AddRange(UnknownSubjects(source.Path, header, model));
        if (problems.Count > 0)
        {
            return new CalibrationOutcome([], problems, ModelFailed: false);
        }

        SimulationResult result;
        try
        {
            result = Simulator.Run(model.Topology, ScenarioSpec.FirstOrBaseline(model.Scenarios), new SimulationOptions { RecordSeries = false });
        }
        catch (SimulationSetupException e)
        {
            return Failed(string.Join("; ", e.Problems));
        }

        var rows = header.Expectations.Select(e => e.Metric.Read is { } read
            ? CalibrationRow.Evaluated(source.Path, header, e, read(result, e.Subject))
            : CalibrationRow.Failed(source.Path, header, e, $"`{e.Metric.Name}` is not available in this build"));
        return new CalibrationOutcome([.. rows], [], ModelFailed: false);
    }

    /// <summary>Subjects the model does not have: a header problem, found before anything is simulated.</summary>
    private static IEnumerable<CalibrationProblem> UnknownSubjects(string path, CalibrationHeader header, GeneratedModel model)
    {
        var applications = model.Topology.Applications().Select(a => a.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        var hosts = model.Topology.Hosts.Select(h => h.Name).ToList();
        foreach (var expectation in header.Expectations)
        {
            var (names, kind) = expectation.Metric.Subject == CalibrationSubjectKind.Application ? (applications, "application") : (hosts, "host");
            if (names.Contains(expectation.Subject))
            {
                continue;
            }

            var suggestion = SpellChecker.Suggest(expectation.Subject, names);
            yield return new CalibrationProblem(path, expectation.Line, expectation.SubjectColumn,
                $"`{expectation.Subject}` is not {(kind == "host" ? "a host" : "an application")} of this model{(suggestion is null ? "" : $" (did you mean `{suggestion}`?)")}",
                names.Count == 0
                    ? $"`{expectation.Metric.Name}` needs {(kind == "host" ? "a host" : "an application")}, and the model has none"
                    : $"`{expectation.Metric.Name}` takes {(kind == "host" ? "a host" : "an application")}: {string.Join(", ", names)}");
        }
    }
}
