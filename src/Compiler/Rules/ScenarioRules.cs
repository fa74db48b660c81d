using System.Globalization;
using VirtLang.Compiler.Binding;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Lowering;
using VirtLang.Compiler.Symbols;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Literals;
using VirtLang.Language.Syntax;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Compiler.Rules;

/// <summary>
/// VDL1030–VDL1036 and VDL1039: what the simulator would refuse in a scenario, reported where it is written. Times are compared
/// as the lowering converts them (<see cref="ModelLowering.ToTicks"/>: microsecond ticks), against the simulator's
/// own bounds (<see cref="ScenarioLimits"/>), so a scenario that checks clean is one the simulator runs. A value that
/// is malformed, ill-typed or negative was reported by the schema rules and is skipped here.
/// </summary>
internal sealed class ScenarioRules : IRuleFamily
{
    private static readonly double MaxSeconds = SimTime.ToSeconds(ScenarioLimits.MaxTime);

    private readonly ValueReader _values = new();

    public string Name => "scenario";

    public void Check(RuleContext context)
    {
        foreach (var scenario in context.Model.Scenarios)
        {
            CheckTiming(context, scenario);
            foreach (var statement in scenario.Syntax.Members.OfType<ScenarioStatementSyntax>())
            {
                CheckStatement(context, scenario, statement);
            }

            foreach (var expect in scenario.Syntax.Members.OfType<ExpectStatementSyntax>())
            {
                CheckExpectation(context, scenario, expect);
            }
        }
    }

    /// <summary>`duration` and `step`: each positive and within bounds, the step at most the duration, not too many steps.</summary>
    private void CheckTiming(RuleContext context, ScenarioSymbol scenario)
    {
        var duration = Attribute(context, scenario, "duration");
        var step = Attribute(context, scenario, "step");
        if (duration is not { Valid: true } || (step is { Valid: false }))
        {
            return; // unreadable, or reported: a second message about the same numbers would only repeat it
        }

        var durationTicks = ModelLowering.DurationTicks(scenario);
        var stepTicks = ModelLowering.ToTicks(scenario.Step);

        // Without `step` the default minute is at fault only through the duration: report there.
        var where = step?.Location ?? duration.Value.Location;
        var stepText = step is { } written ? written.Text : SimTime.Format(stepTicks);
        if (stepTicks > durationTicks)
        {
            var stepSaid = step is null ? $"the default step of {stepText}" : $"`step = {stepText}`";
            context.Report(CompilerDiagnostics.StepLongerThanDuration, where, [stepSaid, duration.Value.Text, stepText]);
            return;
        }

        var steps = ScenarioLimits.Steps(durationTicks, stepTicks);
        if (steps > ScenarioLimits.MaxSteps)
        {
            var smallest = (durationTicks + ScenarioLimits.MaxSteps - 1) / ScenarioLimits.MaxSteps;
            context.Report(CompilerDiagnostics.TooManySteps, where,
                [duration.Value.Text, stepText, steps.ToString("N0", CultureInfo.InvariantCulture), ScenarioLimits.MaxSteps.ToString("N0", CultureInfo.InvariantCulture), RoundedUp(smallest)]);
            return;
        }

        // Every host records each step: the run's memory is hosts × steps (copies counted as the simulator will).
        var hosts = context.Model.Hosts.Sum(h => (double)h.Copies);
        if (steps * hosts > ScenarioLimits.MaxHostSteps)
        {
            var smallest = (long)Math.Ceiling(durationTicks * hosts / ScenarioLimits.MaxHostSteps);
            context.Report(CompilerDiagnostics.TooManyHostSteps, where,
                [duration.Value.Text, stepText, hosts.ToString("N0", CultureInfo.InvariantCulture), (steps * hosts).ToString("N0", CultureInfo.InvariantCulture),
                    ScenarioLimits.MaxHostSteps.ToString("N0", CultureInfo.InvariantCulture), RoundedUp(smallest)]);
        }
    }

    private void CheckStatement(RuleContext context, ScenarioSymbol scenario, ScenarioStatementSyntax statement)
    {
        var text = scenario.File.Tree.Text;
        Location At(ExpressionSyntax expression) => new(text, expression.Span);

        var when = statement.When;
        var start = Time(when.From);
        if (start is > 0 && !Fits(start.Value))
        {
            context.Report(CompilerDiagnostics.TimeTooLarge, At(when.From), [text.ToString(when.From.Span), Limit]);
            start = null;
        }

        if (when.To is { } to && Time(to) is { } end)
        {
            if (!Fits(end))
            {
                context.Report(CompilerDiagnostics.TimeTooLarge, At(to), [text.ToString(to.Span), Limit]);
            }
            else if (start is { } from && ModelLowering.ToTicks(end) <= ModelLowering.ToTicks(from))
            {
                var range = new Location(text, Language.Text.TextSpan.FromBounds(when.From.Span.Start, to.Span.End));
                context.Report(CompilerDiagnostics.EndBeforeStart, range, [text.ToString(range.Span), ModelLowering.ToTicks(end) == ModelLowering.ToTicks(from) ? "when" : "before"]);
            }
        }

        var lasts = statement.Action switch
        {
            ScaleActionSyntax scale => scale.ForClause,
            FailActionSyntax fail => fail.ForClause,
            _ => null,
        };
        if (lasts is not null && Time(lasts.Duration) is { } seconds and >= 0)
        {
            if (!Fits(seconds))
            {
                context.Report(CompilerDiagnostics.TimeTooLarge, At(lasts.Duration), [$"for {text.ToString(lasts.Duration.Span)}", Limit]);
            }
            else if (ModelLowering.ToTicks(seconds) <= 0)
            {
                var hint = statement.Action is FailActionSyntax fail ? $"; without `for` the {(fail.IsSiteFailure ? "site" : "host")} is never repaired in the scenario" : string.Empty;
                context.Report(CompilerDiagnostics.TimeNotPositive, At(lasts.Duration), ["`for`", text.ToString(lasts.Duration.Span), hint]);
            }
        }

        if (statement.Action is FailActionSyntax { IsSiteFailure: true } siteFailure
            && context.Model.Resolve(siteFailure.Target.TextAsSpan) is SiteSymbol { Hosts.Count: 0 } emptySite)
        {
            context.Report(CompilerDiagnostics.EmptySiteFailed, new Location(text, siteFailure.Target.Span), [emptySite.Name],
                new RelatedLocation(emptySite.Declaration, $"site `{emptySite.Name}` is declared here; give hosts `site = {emptySite.Name}`"));
        }

        if (statement.Action is ScaleActionSyntax { Amount: var amount } && _values.Number(amount, Dimension.Ratio) is { } factor
            && factor >= 0 && !(factor > 0 && factor <= ScenarioLimits.MaxScaleFactor))
        {
            var hint = factor == 0 ? "; a scale cannot switch an application off: fail or crash what runs it" : string.Empty;
            var max = (ScenarioLimits.MaxScaleFactor * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
            context.Report(CompilerDiagnostics.ScaleFactorOutOfRange, At(amount), [text.ToString(amount.Span), max, hint]);
        }

        if (start is { } at && scenario.Duration is { } duration && Fits(duration) && ModelLowering.DurationTicks(scenario) > 0
            && ModelLowering.ToTicks(at) >= ModelLowering.DurationTicks(scenario) && statement.Action is not null)
        {
            context.Report(CompilerDiagnostics.EventAfterEnd, At(when.From), [text.ToString(when.From.Span), scenario.Name, SimTime.Format(ModelLowering.DurationTicks(scenario))]);
        }
    }

    /// <summary>
    /// VDL1048: an expectation whose threshold is at or past the end of what its figure can be (availability, served and
    /// utilization run from 0% to 100%, downtime from 0 to the scenario's duration, slowdown from 0 up) holds or fails
    /// whatever the run does. Compared at the results' precision, as the run compares them.
    /// </summary>
    private void CheckExpectation(RuleContext context, ScenarioSymbol scenario, ExpectStatementSyntax expect)
    {
        if (ExpectationReader.Read(expect, _values) is not { } expectation || expectation.Threshold < 0)
        {
            return; // unreadable or negative: reported by the parser or the schema rules
        }

        var (low, high) = ExpectationReader.Range(expectation.Metric, ModelLowering.DurationTicks(scenario));
        var threshold = Runtime.Results.ResultJsonWriter.Rounded(expectation.Threshold);
        low = Runtime.Results.ResultJsonWriter.Rounded(low);
        high = double.IsInfinity(high) ? high : Runtime.Results.ResultJsonWriter.Rounded(high);
        var holdsAtLow = Expectation.Compare(low, expectation.Comparison, threshold);
        var holdsAtHigh = double.IsInfinity(high) ? expectation.Comparison is ExpectationComparison.AtLeast or ExpectationComparison.Above : Expectation.Compare(high, expectation.Comparison, threshold);
        if (holdsAtLow != holdsAtHigh)
        {
            return; // the comparisons are monotonic: what holds at one end and not at the other can go either way
        }

        var metric = Expectation.Word(expectation.Metric);
        var range = expectation.Metric switch
        {
            ExpectationMetric.Downtime => $"{metric} is from 0 to the scenario's duration ({SimTime.Format(ModelLowering.DurationTicks(scenario))})",
            ExpectationMetric.Slowdown => $"{metric} is a factor of at least 0",
            _ => $"{metric} is from 0% to 100%",
        };
        var why = holdsAtLow
            ? $"{range}, so it is always {Expectation.Symbol(expectation.Comparison)} {scenario.File.Tree.Text.ToString(expect.Threshold.Span)}; the statement checks nothing"
            : $"{range}, so no run can meet it";
        context.Report(CompilerDiagnostics.ExpectationDecided, new Location(scenario.File.Tree.Text, expect.Span),
            [ExpectationReader.Text(expect), holdsAtLow ? "fail" : "hold", why]);
    }

    private static string Limit => $"{ScenarioLimits.MaxTime / SimTime.TicksPerDay}d";

    private static bool Fits(double seconds) => seconds <= MaxSeconds;

    /// <summary>A scenario time in seconds: a time quantity, or the plain number 0 (the start); null when unreadable.</summary>
    private double? Time(ExpressionSyntax expression) =>
        _values.Number(expression, Dimension.Time) ?? (_values.Number(expression, Dimension.None) == 0 ? 0 : null);

    /// <summary>A scenario's own or inherited `duration` or `step`, checked on its own; null when not set or not readable.</summary>
    private Written? Attribute(RuleContext context, ScenarioSymbol scenario, string name)
    {
        if (scenario.View.Find(name) is not var (file, attribute) || _values.Number(attribute.ValueView, Dimension.Time) is not { } seconds || seconds < 0)
        {
            return null;
        }

        var location = new Location(file.Tree.Text, attribute.ValueView.Span);
        var text = file.Tree.Text.ToString(attribute.ValueView.Span);
        if (!Fits(seconds))
        {
            context.Report(CompilerDiagnostics.TimeTooLarge, location, [$"{name} = {text}", Limit]);
            return new Written(location, text, Valid: false);
        }

        if (ModelLowering.ToTicks(seconds) <= 0)
        {
            context.Report(CompilerDiagnostics.TimeNotPositive, location, [$"`{name}`", text, string.Empty]);
            return new Written(location, text, Valid: false);
        }

        return new Written(location, text, Valid: true);
    }

    /// <summary>A time at least <paramref name="ticks"/>, as a model writes it: whole milliseconds under a second, whole seconds above.</summary>
    private static string RoundedUp(long ticks) => ticks < SimTime.TicksPerSecond
        ? string.Create(CultureInfo.InvariantCulture, $"{(ticks + SimTime.TicksPerMillisecond - 1) / SimTime.TicksPerMillisecond}ms")
        : SimTime.Format((ticks + SimTime.TicksPerSecond - 1) / SimTime.TicksPerSecond * SimTime.TicksPerSecond);

    /// <summary>A `duration` or `step` as written, and whether it passed its own checks.</summary>
    private readonly record struct Written(Location Location, string Text, bool Valid);
}
