namespace VirtLang.LanguageServer.Features;

/// <summary>What a word of the model is to semantic highlighting; <see cref="Protocol.LspConverter"/> names each in the legend it announces.</summary>
internal enum SemanticTokenType
{
    Keyword,
    Class,
    Type,
    Property,
    Function,
    Variable,
    EnumMember,
    Number,
    String,
}
