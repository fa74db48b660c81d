namespace VirtLang.Cli.Calibration;

/// <summary>
/// Something wrong with a calibration file's header (or its subject names), located like a diagnostic and with a way
/// forward. A file with a problem is not run, and the command exits 2.
/// </summary>
internal sealed record CalibrationProblem(string Path, int Line, int Column, string Message, string Help)
{
    public override string ToString() => $"{Path}:{Line}:{Column}: error: {Message}";
}
