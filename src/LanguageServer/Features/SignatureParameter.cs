namespace VirtLang.LanguageServer.Features;

/// <summary>One parameter of a <see cref="SignatureHelp"/>: its characters in the signature's label (<paramref name="Start"/> to <paramref name="End"/>, exclusive) and its meaning.</summary>
internal sealed record SignatureParameter(int Start, int End, string Documentation);
