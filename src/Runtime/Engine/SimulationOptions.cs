using VirtLang.Runtime.Scenarios;

namespace VirtLang.Runtime.Engine;

/// <summary>How a run is carried out, beyond the model and the scenario.</summary>
public sealed record SimulationOptions
{
    public static SimulationOptions Default { get; } = new();

    public FaultTimings Timings { get; init; } = FaultTimings.Default;

    /// <summary>Slowdown per unit of swapped fraction: a guest with 10 % of its memory swapped runs 1 + 0.1 × this times slower (assumption: 10).</summary>
    public double SwapPenalty { get; init; } = 10;

    /// <summary>
    /// Slowdown per unit of ballooned fraction: a VM with half its memory ballooned runs 1 + 0.5 × this times slower.
    /// Assumption (0.05): ballooning takes idle page cache; Waldspurger (OSDI 2002) found a ballooned VM within a few
    /// percent of one configured with that little memory.
    /// </summary>
    public double BalloonPenalty { get; init; } = 0.05;

    /// <summary>
    /// Stretch work by the queueing of a busy host (<see cref="Costs.QueueingDelay"/>); off only for an experiment that
    /// isolates another mechanism, as the runtime's own tests of memory and warm-up do.
    /// </summary>
    public bool Queueing { get; init; } = true;

    /// <summary>
    /// Move a down instance's demand to its application's up instances (<see cref="Engine.LoadShift"/>); off only to
    /// measure what the shift brings, as the runtime's tests do.
    /// </summary>
    public bool LoadShift { get; init; } = true;

    /// <summary>Keep each host's utilization at every step (for charts and the CSV series); off saves hosts × steps floats.</summary>
    public bool RecordSeries { get; init; } = true;

    /// <summary>
    /// Draw every host's demand at the start of every step, as load shift needs, even in a step where nothing can move
    /// (when the run lets each host draw its own at its step): the tests' reference, whose results must be the same bits.
    /// </summary>
    internal bool DrawDemandFirst { get; init; }

    /// <summary>
    /// Copy every host's guests and instances into its step's arrays at every step, as though something had changed
    /// (when the run copies them again only after a change): the tests' reference, whose results must be the same bits.
    /// </summary>
    internal bool CopyStepDataEveryStep { get; init; }

    /// <summary>
    /// Write each step's utilization into its host's histogram and series at once (when the run writes them a batch
    /// at a time): the tests' reference, whose results must be the same bits.
    /// </summary>
    internal bool WriteUtilizationsEveryStep { get; init; }

    /// <summary>Told the simulated time reached, about a hundred times a run (a progress bar); it cannot change the results.</summary>
    public Action<long>? Progress { get; init; }
}
