namespace VirtLang.Cli.Calibration;

/// <summary>What a calibration file's leading comment block says: the experiment, its source and the rows it expects.</summary>
/// <param name="Title">The <c>calibration:</c> line: what was measured, on what.</param>
/// <param name="Published">The <c>published:</c> line, the figures as the source gives them (for people; optional).</param>
internal sealed record CalibrationHeader(
    string Title,
    string Source,
    string? Published,
    CalibrationConfidence Confidence,
    CalibrationRole Role,
    IReadOnlyList<CalibrationExpectation> Expectations)
{
    /// <summary>Whether the rows are targets, which fail the run when off; unconfirmed figures are only shown.</summary>
    public bool Targeted => Confidence != CalibrationConfidence.Unconfirmed;
}
