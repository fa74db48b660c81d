namespace VirtLang.Runtime.Model;

/// <summary>A physical disk of a host.</summary>
public sealed record DiskSpec(string Name, long CapacityBytes, double Iops, double BytesPerSecond, string? Driver);
