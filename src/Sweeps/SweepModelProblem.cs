namespace VirtLang.Sweeps;

/// <summary>Why a sweep's model cannot run, for a caller that answers each differently (the CLI's exit codes).</summary>
public enum SweepModelProblem
{
    /// <summary>The model has errors (or a trace it reads cannot be read).</summary>
    ModelErrors = 0,

    /// <summary>The scenario asked for is not in the model.</summary>
    UnknownScenario = 1,

    /// <summary>The generated code failed: a bug of vdl's, not the model's.</summary>
    GeneratedCode = 2,

    /// <summary>The simulator refused the scenario's setup.</summary>
    Setup = 3,

    /// <summary>The model's files could not be written where the checker reads traces.</summary>
    Files = 4,
}
