namespace VirtLang.Runtime.Model;

/// <summary>A network interface of a host; its speed bounds live migration.</summary>
public sealed record NicSpec(string Name, double BitsPerSecond, string? Driver);
