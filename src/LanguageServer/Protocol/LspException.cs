namespace VirtLang.LanguageServer.Protocol;

/// <summary>A handler's refusal with an LSP error code (an invalid rename, say).</summary>
internal sealed class LspException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}
