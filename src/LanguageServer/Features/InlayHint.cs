namespace VirtLang.LanguageServer.Features;

/// <summary>The parameter a positional argument stands for, shown before it: <paramref name="Label"/> (<c>level:</c>) at <paramref name="Offset"/>, with the parameter's meaning as its tooltip.</summary>
internal sealed record InlayHint(int Offset, string Label, string Tooltip);
