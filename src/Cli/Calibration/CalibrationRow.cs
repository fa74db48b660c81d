namespace VirtLang.Cli.Calibration;

/// <summary>One expect row after its experiment ran: the published figure, the simulated one and the verdict.</summary>
/// <param name="File">The calibration file as the command line (or the folder walk) named it.</param>
/// <param name="Simulated">The simulated figure; null for an error row.</param>
/// <param name="Message">Why an error row has no figure; null otherwise.</param>
internal sealed record CalibrationRow(
    string File,
    CalibrationHeader Header,
    CalibrationExpectation Expectation,
    double? Simulated,
    CalibrationStatus Status,
    string? Message)
{
    /// <summary>The file's name without its extension: how tables name the experiment.</summary>
    public string Experiment => Path.GetFileNameWithoutExtension(File);

    /// <summary>Simulated against published, as a signed fraction (0.02 is 2 % above); null for an error row.</summary>
    public double? Deviation => Simulated / Expectation.Published - 1;

    /// <summary>Whether this row fails the run: a target that is off, or any row of a model that could not give figures.</summary>
    public bool Fails => Status is CalibrationStatus.Off || (Status is CalibrationStatus.Error && Header.Targeted);

    public static CalibrationRow Evaluated(string file, CalibrationHeader header, CalibrationExpectation expectation, double simulated)
    {
        var within = Math.Abs(simulated / expectation.Published - 1) <= expectation.Tolerance;
        var status = !header.Targeted ? CalibrationStatus.Untargeted : within ? CalibrationStatus.Ok : CalibrationStatus.Off;
        return new CalibrationRow(file, header, expectation, simulated, status, null);
    }

    public static CalibrationRow Failed(string file, CalibrationHeader header, CalibrationExpectation expectation, string message) =>
        new(file, header, expectation, null, CalibrationStatus.Error, message);
}
