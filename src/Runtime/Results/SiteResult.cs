namespace VirtLang.Runtime.Results;

/// <summary>A site of the topology and the hosts in it (copies counted one by one).</summary>
public sealed record SiteResult(string Name, string? Location, IReadOnlyList<string> Hosts);
