namespace VirtLang.Cli.Calibration;

/// <summary>The verdict on one expect row.</summary>
internal enum CalibrationStatus
{
    /// <summary>Simulated within the tolerance of the published figure.</summary>
    Ok,

    /// <summary>Simulated outside the tolerance: the run fails.</summary>
    Off,

    /// <summary>An unconfirmed figure: shown for comparison, never fails the run.</summary>
    Untargeted,

    /// <summary>No simulated figure: the model has errors, the scenario could not run, or the metric is not available in this build.</summary>
    Error,
}
