namespace VirtLang.LanguageServer.Features;

/// <summary>The signature of the call at the cursor, its parameters, and which one is being written.</summary>
internal sealed record SignatureHelp(string Label, string Documentation, IReadOnlyList<SignatureParameter> Parameters, int ActiveParameter);
