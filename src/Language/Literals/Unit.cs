namespace VirtLang.Language.Literals;

/// <summary>A unit symbol, its dimension and its factor to the dimension's canonical unit.</summary>
/// <remarks>Canonical units: bytes, hertz, bits per second, watts, seconds, and a fraction (1 = 100 %).</remarks>
public sealed record Unit(string Symbol, Dimension Dimension, double Factor);
