namespace VirtLang.Cli.Calibration;

/// <summary>What running one calibration file gave: its rows, or the header problems that kept it from running.</summary>
/// <param name="ModelFailed">The model had errors or its scenario could not run: the run fails whatever the file's confidence.</param>
internal sealed record CalibrationOutcome(IReadOnlyList<CalibrationRow> Rows, IReadOnlyList<CalibrationProblem> Problems, bool ModelFailed);
