namespace VirtLang.LanguageServer.Features;

/// <summary>One item of completion: what the list shows, and what accepting it writes.</summary>
internal sealed record CompletionItem(string Label, CompletionItemKind Kind, string Detail)
{
    public string? Documentation { get; init; }

    /// <summary>Where the item sorts (the label when null).</summary>
    public string? SortText { get; init; }

    /// <summary>The text the client filters on (the label when null).</summary>
    public string? FilterText { get; init; }

    /// <summary>What accepting writes instead of the label: with <see cref="IsSnippet"/>, a snippet with tab stops (<c>$1</c>).</summary>
    public string? InsertText { get; init; }

    public bool IsSnippet { get; init; }

    /// <summary>A replacement of more than the word before the cursor (a unit replaces the number it follows).</summary>
    public CompletionEdit? Edit { get; init; }
}
