namespace VirtLang.Cli.Calibration;

/// <summary>Whether a published figure set one of the simulator's defaults or only checks them.</summary>
internal enum CalibrationRole
{
    /// <summary>The figure set a default: matching it shows the default is wired in, not that it predicts.</summary>
    Fitted,

    /// <summary>The figure set nothing: matching it is evidence that the model predicts.</summary>
    HeldOut,
}
