namespace VirtLang.Sweeps;

/// <summary>A bar of a distribution's chart: the replications whose value fell in [<paramref name="From"/>, <paramref name="To"/>) (the last bar includes its end).</summary>
public sealed record HistogramBin(double From, double To, long Count);
