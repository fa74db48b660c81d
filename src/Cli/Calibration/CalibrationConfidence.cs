namespace VirtLang.Cli.Calibration;

/// <summary>How sure we are of a published figure; an unconfirmed one is shown but never a target.</summary>
internal enum CalibrationConfidence
{
    /// <summary>Read in the paper's own table or figure.</summary>
    Confirmed,

    /// <summary>Transcribed from a secondary account of the paper, not checked against it.</summary>
    Secondary,

    /// <summary>Not a figure we can vouch for (a bound in the text, a bar not read): printed, never a target.</summary>
    Unconfirmed,
}
