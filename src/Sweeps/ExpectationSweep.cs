namespace VirtLang.Sweeps;

/// <summary>
/// One <c>expect</c> statement over a sweep: in how many replications it held, and the probability that it holds with
/// its Wilson 95 % interval.
/// </summary>
public sealed record ExpectationSweep(int Index, string Statement, long Held, Interval Probability);
