namespace VirtLang.Language.Diagnostics;

/// <summary>A second place that is part of a diagnostic's story, with a note saying why (for example where a block was opened).</summary>
public sealed record RelatedLocation(Location Location, string Message);
