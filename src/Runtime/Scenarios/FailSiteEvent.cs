namespace VirtLang.Runtime.Scenarios;

/// <summary>
/// <c>fail site SITE for DURATION</c>: every host of the site and all they run are down until repaired (never, without a
/// duration), as one disaster: a power cut, a flood, the site's network gone.
/// </summary>
public sealed record FailSiteEvent(long At, string Site, long? RepairAfter = null) : ScenarioEvent(At);
