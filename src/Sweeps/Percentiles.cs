namespace VirtLang.Sweeps;

/// <summary>A distribution over replications: its mean, nearest-rank percentiles (to the histogram's 0.4 %) and exact maximum.</summary>
public sealed record Percentiles(double Mean, double P50, double P95, double P99, double Max);
