namespace VirtLang.Runtime.Model;

/// <summary>
/// The text format in which generated code carries a topology (<c>vdl-topology 1</c>, docs/architecture.md, "Generated
/// code: data and code"): tokens separated by spaces and line breaks, one record a line. A string is <c>'</c> and its
/// characters, each one outside <see cref="IsPlain"/> written as <c>\XXXX</c> (its UTF-16 unit in hex), so the text
/// holds no quote, brace or line break a model wrote; <c>~</c> is null (or absent).
/// </summary>
public static class TopologyDataFormat
{
    public const string Header = "vdl-topology";

    public const int Version = 1;

    /// <summary>Copies of one record, as the checker bounds a <c>count</c> (VDL1015; docs/limits.md).</summary>
    public const int MaxCopies = 100_000;

    /// <summary>Hosts and guests the data may make, as the checker bounds a model's instances (VDL1040).</summary>
    public const int MaxInstances = 1_000_000;

    /// <summary>Characters a string token carries as themselves: ASCII letters, digits and <c>. _ - : / + @ , &lt; &gt; =</c>.</summary>
    public static bool IsPlain(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-' or ':' or '/' or '+' or '@' or ',' or '<' or '>' or '=';
}
