namespace VirtLang.Runtime.Model;

/// <summary>
/// A site (a data center, a campus, an availability zone): hosts name theirs in <see cref="HostSpec.Site"/>. Load shift
/// moves a down instance's demand within its site at once, and to another site only after its application's recovery
/// time objective (docs/simulation.md, "Sites and disaster recovery").
/// </summary>
/// <param name="Location">Where it is, for reports (a city, a building); null when not said.</param>
public sealed record SiteSpec(string Name, string? Location = null);
