using VirtLang.Compiler;
using VirtLang.Language.Syntax;
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
    /// <summary>The tokens in the order of the text.</summary>
    public static IReadOnlyList<SemanticToken> Full(OpenDocument document, ModelCompilation? compilation)
    {
        var roles = new Dictionary<int, (SemanticTokenType Type, bool IsDeclaration)>();
        foreach (var node in document.Tree.Root.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case BlockSyntax block:
                    roles[block.KindToken.Span.Start] = (SemanticTokenType.Keyword, false);
                    if (block.Name is { IsMissing: false } name)
                    {
                        roles[name.Span.Start] = (SemanticTokenType.Class, true);
                    }

                    if (block.BaseClause is { } @base)
                    {
                        roles[@base.BaseName.Span.Start] = (SemanticTokenType.Type, false);
                    }

                    break;
                case AttributeSyntax attribute:
                    roles[attribute.Name.Span.Start] = (SemanticTokenType.Property, false);
                    break;
                case CallExpressionSyntax call:
                    roles[call.Name.Span.Start] = (SemanticTokenType.Function, false);
                    break;
                case ArgumentSyntax { Name: { } argumentName }:
                    roles[argumentName.Span.Start] = (SemanticTokenType.Property, false);
                    break;
            }
        }

        var model = compilation?.SemanticModel;
        var tokens = new List<SemanticToken>();
        foreach (var token in document.Tree.Root.DescendantTokens())
        {
            if (token.IsMissing || token.Span.Length == 0)
            {
                continue;
            }

            (SemanticTokenType Type, bool IsDeclaration)? role = roles.TryGetValue(token.Span.Start, out var known) ? known : token.Kind switch
            {
                SyntaxKind.ImportKeyword or SyntaxKind.AtKeyword or SyntaxKind.ScaleKeyword or SyntaxKind.FailKeyword or SyntaxKind.CrashKeyword
                    or SyntaxKind.MigrateKeyword or SyntaxKind.PatchKeyword or SyntaxKind.ForKeyword or SyntaxKind.ToKeyword or SyntaxKind.SiteKeyword => (SemanticTokenType.Keyword, false),
                SyntaxKind.ExpectKeyword => (SemanticTokenType.Keyword, false),
                SyntaxKind.NumberLiteral or SyntaxKind.QuantityLiteral => (SemanticTokenType.Number, false),
                SyntaxKind.StringLiteral => (SemanticTokenType.String, false),
                SyntaxKind.Identifier => model?.Resolve(token.TextAsSpan) is not null ? (SemanticTokenType.Variable, false) : (SemanticTokenType.EnumMember, false),
                _ => null,
            };
            if (role is not { } r)
            {
                continue;
            }

            tokens.Add(new SemanticToken(token.Span, r.Type, r.IsDeclaration));
        }

        return tokens;
    }
}
