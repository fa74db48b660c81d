namespace VirtLang.LanguageServer.Protocol;

/// <summary>
/// One framed message: its JSON body (null when the headers were unusable or the body too large) and what was wrong,
/// if anything; <paramref name="Oversized"/> when a body past the size limit was skipped.
/// </summary>
public sealed record MessageFrame(string? Body, string? Error, bool Oversized = false);
