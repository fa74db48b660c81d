namespace VirtLang.LanguageServer.Protocol;

/// <summary>One framed message: its JSON body (null when the headers were unusable) and what was wrong, if anything.</summary>
public sealed record MessageFrame(string? Body, string? Error);
