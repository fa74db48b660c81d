namespace VirtLang.Language.Diagnostics;

/// <summary>Replace the text at <paramref name="Location"/> (an empty span inserts) with <paramref name="NewText"/>.</summary>
public sealed record TextEdit(Location Location, string NewText);
