namespace VirtLang.Cli.Calibration;

/// <summary>What an expect row's subject names in the model, so a misspelt subject is caught before the run.</summary>
internal enum CalibrationSubjectKind
{
    Application,
    Host,
}
