using System.Globalization;

namespace VirtLang.Language.Literals;

/// <summary>A number with a dimension, in the dimension's canonical unit (bytes, Hz, bit/s, W, seconds, fraction).</summary>
public readonly record struct Quantity(double Value, Dimension Dimension)
{
    public static Quantity Number(double value) => new(value, Dimension.None);

    public override string ToString() => Dimension == Dimension.None
        ? Value.ToString("R", CultureInfo.InvariantCulture)
        : $"{Value.ToString("R", CultureInfo.InvariantCulture)} {Dimension}";
}
