using System.Text.Json.Nodes;
using VirtLang.Compiler;
using VirtLang.Language.Syntax;
using VirtLang.LanguageServer.Protocol;
using VirtLang.LanguageServer.Workspace;

namespace VirtLang.LanguageServer.Features;

/// <summary>
/// Semantic tokens: what the grammar cannot know. Block kinds and the scenario's words are keywords, declared names
/// classes (with the declaration modifier), bases types, attribute and argument names properties, profile functions
/// functions, names that resolve to a declaration variables, other words enum members, numbers, quantities and strings.
/// Comments and punctuation are left to the TextMate grammar.
/// </summary>
internal static class SemanticTokensProvider
{
    public static readonly string[] TokenTypes = ["keyword", "class", "type", "property", "function", "variable", "enumMember", "number", "string"];

    public static readonly string[] TokenModifiers = ["declaration"];

    private const int Keyword = 0;
    private const int Class = 1;
    private const int Type = 2;
    private const int Property = 3;
    private const int Function = 4;
    private const int Variable = 5;
    private const int EnumMember = 6;
    private const int Number = 7;
    private const int String = 8;

    public static JsonObject Full(OpenDocument document, ModelCompilation? compilation)
    {
        var roles = new Dictionary<int, (int Type, int Modifiers)>();
        foreach (var node in document.Tree.Root.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case BlockSyntax block:
                    roles[block.KindToken.Span.Start] = (Keyword, 0);
                    if (block.Name is { IsMissing: false } name)
                    {
                        roles[name.Span.Start] = (Class, 1);
                    }

                    if (block.BaseClause is { } @base)
                    {
                        roles[@base.BaseName.Span.Start] = (Type, 0);
                    }

                    break;
                case AttributeSyntax attribute:
                    roles[attribute.Name.Span.Start] = (Property, 0);
                    break;
                case CallExpressionSyntax call:
                    roles[call.Name.Span.Start] = (Function, 0);
                    break;
                case ArgumentSyntax { Name: { } argumentName }:
                    roles[argumentName.Span.Start] = (Property, 0);
                    break;
            }
        }

        var model = compilation?.SemanticModel;
        var data = new JsonArray();
        var (previousLine, previousCharacter) = (0, 0);
        foreach (var token in document.Tree.Root.DescendantTokens())
        {
            if (token.IsMissing || token.Span.Length == 0)
            {
                continue;
            }

            (int Type, int Modifiers)? role = roles.TryGetValue(token.Span.Start, out var known) ? known : token.Kind switch
            {
                SyntaxKind.ImportKeyword or SyntaxKind.AtKeyword or SyntaxKind.ScaleKeyword or SyntaxKind.FailKeyword or SyntaxKind.CrashKeyword
                    or SyntaxKind.MigrateKeyword or SyntaxKind.PatchKeyword or SyntaxKind.ForKeyword or SyntaxKind.ToKeyword or SyntaxKind.SiteKeyword => (Keyword, 0),
                SyntaxKind.ExpectKeyword => (Keyword, 0),
                SyntaxKind.NumberLiteral or SyntaxKind.QuantityLiteral => (Number, 0),
                SyntaxKind.StringLiteral => (String, 0),
                SyntaxKind.Identifier => model?.Resolve(token.TextAsSpan) is not null ? (Variable, 0) : (EnumMember, 0),
                _ => null,
            };
            if (role is not { } r)
            {
                continue;
            }

            var (line, character) = Positions.LineAndCharacter(document.Text, token.Span.Start);
            data.Add(line - previousLine);
            data.Add(line == previousLine ? character - previousCharacter : character);
            data.Add(token.Span.Length);
            data.Add(r.Type);
            data.Add(r.Modifiers);
            (previousLine, previousCharacter) = (line, character);
        }

        return new JsonObject { ["data"] = data };
    }
}
