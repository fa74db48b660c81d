using VirtLang.Language.Syntax;
using VirtLang.Language.Text;
using VirtLang.LanguageServer.Workspace;

namespace VirtLang.LanguageServer.Features;

/// <summary>The outline: every block (named or not) with its nested blocks and attributes, from the tree alone.</summary>
internal static class DocumentSymbolProvider
{
    public static IReadOnlyList<DocumentSymbol> Symbols(OpenDocument document) =>
        [.. document.Tree.Root.Blocks.Select(b => Block(b, document.Text))];

    /// <summary>What a block of this kind is as a symbol (the outline and workspace symbols agree).</summary>
    public static SymbolKind KindOf(BlockSyntax block) => block.KindName switch
    {
        "os" => SymbolKind.OperatingSystem,
        "hardware" => SymbolKind.Hardware,
        "app" => SymbolKind.Application,
        "host" => SymbolKind.Host,
        "vm" or "container" => SymbolKind.Guest,
        "cluster" => SymbolKind.Cluster,
        "scenario" => SymbolKind.Scenario,
        _ => SymbolKind.OtherBlock,
    };

    private static DocumentSymbol Block(BlockSyntax block, SourceText text)
    {
        var children = new List<DocumentSymbol>();
        foreach (var member in block.Members)
        {
            switch (member)
            {
                case BlockSyntax nested:
                    children.Add(Block(nested, text));
                    break;
                case AttributeSyntax attribute when !attribute.Name.IsMissing:
                    children.Add(new DocumentSymbol(attribute.Name.Text, text.ToString(attribute.Value.Span), SymbolKind.Attribute, attribute.Span, attribute.Name.Span));
                    break;
            }
        }

        var named = block.Name is { IsMissing: false };
        var name = named ? block.Name!.Value : block.KindToken;
        return new DocumentSymbol(
            named ? name.Text : block.KindName,
            named ? block.KindName + (block.BaseClause is { } b ? " : " + b.BaseName.Text : string.Empty) : string.Empty,
            KindOf(block),
            block.Span,
            name.Span)
        {
            Children = children,
        };
    }
}
