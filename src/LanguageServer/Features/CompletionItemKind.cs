namespace VirtLang.LanguageServer.Features;

/// <summary>What a completion item is (the editor shows it as the item's icon); <see cref="Protocol.LspConverter"/> maps it to LSP's numbers.</summary>
internal enum CompletionItemKind
{
    /// <summary>A word of the language: a top-level declaration, <c>import</c>, <c>at</c>, an action, a metric.</summary>
    Keyword,

    /// <summary>A block kind that may stand inside the enclosing block.</summary>
    Block,

    /// <summary>An attribute of the enclosing block.</summary>
    Attribute,

    /// <summary>A word of an enumerated type (<c>bare_metal</c>, <c>true</c>).</summary>
    EnumWord,

    /// <summary>The name of something declared in the model.</summary>
    Reference,

    /// <summary>A workload profile function.</summary>
    Function,

    /// <summary>A unit after a number.</summary>
    Unit,
}
