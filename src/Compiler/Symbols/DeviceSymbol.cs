using VirtLang.Language.Diagnostics;

namespace VirtLang.Compiler.Symbols;

/// <summary>A disk or NIC of a host's hardware (effective: the host's own, else its base's).</summary>
public sealed record DeviceSymbol(string Kind, string Name, string? Driver, double CapacityBytes, double BitsPerSecond, Location Declaration);
