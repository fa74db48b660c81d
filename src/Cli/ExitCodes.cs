namespace VirtLang.Cli;

/// <summary>
/// The exit codes of tooling.md, shared by every verb. Ctrl-C is none of them: the process ends by SIGINT, which the
/// shell reports as 130 (docs/cli.md).
/// </summary>
internal static class ExitCodes
{
    /// <summary>Clean, or warnings only.</summary>
    public const int Success = 0;

    /// <summary>The model has errors (or, with <c>fmt --check</c>, a file would change).</summary>
    public const int Errors = 1;

    /// <summary>Wrong usage, or a file that could not be read or written.</summary>
    public const int UsageOrIo = 2;

    /// <summary>A bug of ours (an internal error, or generated code that failed), never a problem in the input.</summary>
    public const int Internal = 3;

    /// <summary><c>vdl run</c>: the run completed, but an <c>expect</c> statement of its scenario failed (each is reported).</summary>
    public const int ExpectationFailed = 4;
}
