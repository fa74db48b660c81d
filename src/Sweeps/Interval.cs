namespace VirtLang.Sweeps;

/// <summary>An estimate with its 95 % confidence interval [<paramref name="Low"/>, <paramref name="High"/>].</summary>
public sealed record Interval(double Estimate, double Low, double High);
