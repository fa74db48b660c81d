namespace VirtLang.Language.Literals;

/// <summary>What a quantity measures. A plain number has <see cref="None"/>.</summary>
public enum Dimension
{
    None,
    Memory,
    Frequency,
    Bandwidth,
    Power,
    Time,
    Ratio,
}
