using System.Text.Json.Nodes;
using VirtLang.Language.Syntax;
using VirtLang.Language.Text;
using VirtLang.LanguageServer.Protocol;
using VirtLang.LanguageServer.Workspace;

namespace VirtLang.LanguageServer.Features;

/// <summary>The outline: every block (named or not) with its nested blocks and attributes, from the tree alone.</summary>
internal static class DocumentSymbolProvider
{
    // LSP SymbolKind values.
    private const int Module = 2;
    private const int Namespace = 3;
    private const int Package = 4;
    private const int Class = 5;
    private const int Property = 7;
    private const int Object = 19;
    private const int Struct = 23;
    private const int Event = 24;

    public static JsonArray Symbols(OpenDocument document)
    {
        var result = new JsonArray();
        foreach (var block in document.Tree.Root.Blocks)
        {
            result.Add(Block(block, document.Text));
        }

        return result;
    }

    /// <summary>The LSP SymbolKind that shows a block of this kind (the outline and workspace symbols agree).</summary>
    public static int KindOf(BlockSyntax block) => block.KindName switch
    {
        "os" => Package,
        "hardware" => Struct,
        "app" => Module,
        "host" => Class,
        "vm" or "container" => Object,
        "cluster" => Namespace,
        "scenario" => Event,
        _ => Object,
    };

    private static JsonObject Block(BlockSyntax block, SourceText text)
    {
        var children = new JsonArray();
        foreach (var member in block.Members)
        {
            switch (member)
            {
                case BlockSyntax nested:
                    children.Add(Block(nested, text));
                    break;
                case AttributeSyntax attribute when !attribute.Name.IsMissing:
                    children.Add(new JsonObject
                    {
                        ["name"] = attribute.Name.Text,
                        ["detail"] = text.ToString(attribute.Value.Span),
                        ["kind"] = Property,
                        ["range"] = Positions.Range(text, attribute.Span),
                        ["selectionRange"] = Positions.Range(text, attribute.Name.Span),
                    });
                    break;
            }
        }

        var name = block.Name is { IsMissing: false } n ? n : block.KindToken;
        return new JsonObject
        {
            ["name"] = block.Name is { IsMissing: false } ? name.Text : block.KindName,
            ["detail"] = block.Name is { IsMissing: false } ? block.KindName + (block.BaseClause is { } b ? " : " + b.BaseName.Text : string.Empty) : string.Empty,
            ["kind"] = KindOf(block),
            ["range"] = Positions.Range(text, block.Span),
            ["selectionRange"] = Positions.Range(text, name.Span),
            ["children"] = children,
        };
    }
}
