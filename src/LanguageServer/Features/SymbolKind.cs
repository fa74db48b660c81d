namespace VirtLang.LanguageServer.Features;

/// <summary>What an outline or workspace symbol is (the editor shows it as the symbol's icon); <see cref="Protocol.LspConverter"/> maps it to LSP's SymbolKind.</summary>
internal enum SymbolKind
{
    /// <summary>An <c>os</c> block.</summary>
    OperatingSystem,

    /// <summary>A <c>hardware</c> block.</summary>
    Hardware,

    /// <summary>An <c>app</c> block.</summary>
    Application,

    /// <summary>A <c>host</c> block.</summary>
    Host,

    /// <summary>A <c>vm</c> or a <c>container</c>.</summary>
    Guest,

    /// <summary>A <c>cluster</c> block.</summary>
    Cluster,

    /// <summary>A <c>scenario</c> block.</summary>
    Scenario,

    /// <summary>Any other block (<c>demand</c>, <c>disk</c>, <c>site</c>, ...).</summary>
    OtherBlock,

    /// <summary>An attribute of a block.</summary>
    Attribute,
}
