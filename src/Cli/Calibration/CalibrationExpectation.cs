namespace VirtLang.Cli.Calibration;

/// <summary>
/// One <c>expect:</c> row of a calibration file: a metric of a subject, the published value (in the metric's canonical
/// unit: bytes for memory, a fraction for a percentage) and the relative tolerance as a fraction (0.05 for 5 %).
/// </summary>
/// <param name="Line">The row's 1-based line in its file, the order rows are reported in.</param>
/// <param name="SubjectColumn">The subject's 1-based column, where "not in the model" points.</param>
internal sealed record CalibrationExpectation(CalibrationMetric Metric, string Subject, double Published, double Tolerance, int Line, int SubjectColumn);
