using VirtLang.Compiler.Schema;
using VirtLang.Language.Syntax;
using VirtLang.Language.Text;

namespace VirtLang.LanguageServer.Features;

/// <summary>
/// The completion context at an offset, from the recovering parser's tree: the word being typed (the token or skipped
/// token that ends at or holds the cursor), the written token before it, and the node that token belongs to (a base
/// clause's <c>:</c>, an attribute's <c>=</c> or list, a scenario statement's time or action, an expect statement's
/// words). Half-written code is what the parser made of it: missing tokens are not written, skipped ones are.
/// </summary>
internal static class CompletionContextFinder
{
    private static readonly CompletionContext Nothing = new CompletionContext.None();

    public static CompletionContext Find(SyntaxTree tree, int offset)
    {
        var pieces = WrittenBefore(tree.Root, offset);
        if (pieces.Any(p => Holds(p, offset, tree.Text)))
        {
            return Nothing; // in a comment or a string
        }

        var code = pieces.Where(p => !p.IsComment).ToList();
        var word = code.Count > 0 && code[^1].Span.Start < offset && offset <= code[^1].Span.End && code[^1].IsWord(tree.Text) ? code[^1] : (Written?)null;
        var wordSpan = word is { } w ? TextSpan.FromBounds(w.Span.Start, offset) : new TextSpan(offset, 0);
        var previous = code.LastOrDefault(p => p.Span.End <= wordSpan.Start);
        if (previous.Span.Length == 0 || tree.Text.GetLinePosition(previous.Span.End).Line < tree.Text.GetLinePosition(offset).Line)
        {
            return new CompletionContext.MemberStart(SyntaxNavigation.EnclosingBlock(tree.Root, offset));
        }

        if (previous.Token is not { } token)
        {
            // A skipped word: `expect` alone on its line is no statement yet.
            return tree.Text.ToString(previous.Span) == ScenarioStatementSchema.Expect.Word && IsFirstOnLine(code, previous, tree.Text)
                   && SyntaxNavigation.EnclosingBlock(tree.Root, offset)?.KindName == ScenarioStatementSchema.BlockKind
                ? new CompletionContext.Expectation([])
                : Nothing;
        }

        var path = SyntaxNavigation.PathTo(tree.Root, token);
        var block = path.OfType<BlockSyntax>().LastOrDefault();
        return path[^1] switch
        {
            BaseClauseSyntax clause when clause.Colon == token && path.Count >= 2 && path[^2] is BlockSyntax owner => new CompletionContext.BaseClause(owner.KindName, owner.Name?.Text ?? string.Empty),
            _ when InnermostInBlock<AttributeSyntax>(path) is { } attribute => InAttribute(attribute, block, path, token, wordSpan),
            _ when block?.KindName != ScenarioStatementSchema.BlockKind => Nothing,
            _ when InnermostInBlock<ScenarioStatementSyntax>(path) is { } statement => InStatement(statement, token),
            _ when InnermostInBlock<ExpectStatementSyntax>(path) is { } expect => new CompletionContext.Expectation(
                [.. new[] { expect.Statistic, expect.Metric, expect.Subject }.OfType<SyntaxToken>().Where(t => !t.IsMissing && t.Span.End <= wordSpan.Start).Select(t => t.Text)]),
            _ => Nothing,
        };
    }

    /// <summary>After <c>=</c>: the value; after the <c>[</c> or a <c>,</c> of the value's list: an element.</summary>
    private static CompletionContext InAttribute(AttributeSyntax attribute, BlockSyntax? block, IReadOnlyList<SyntaxNode> path, SyntaxToken token, TextSpan word)
    {
        if (block is null)
        {
            return Nothing; // an attribute outside a block
        }

        if (attribute.EqualsToken == token)
        {
            return new CompletionContext.AttributeValue(block, attribute, InList: false, word);
        }

        return attribute.Value is ListExpressionSyntax list && path[^1] == list && token != list.CloseBracket
            ? new CompletionContext.AttributeValue(block, attribute, InList: true, word)
            : Nothing;
    }

    private static CompletionContext InStatement(ScenarioStatementSyntax statement, SyntaxToken token)
    {
        if (token.Span.End <= statement.When.Span.End)
        {
            return statement.When.DotDot == token ? Nothing : new CompletionContext.ScenarioAction();
        }

        var action = statement.Action;
        var word = action?.Keyword.Text ?? string.Empty;
        return action switch
        {
            null => Nothing,
            _ when action.Keyword == token => new CompletionContext.ActionTarget(word),
            FailActionSyntax fail when fail.SiteKeyword == token => new CompletionContext.ModifiedTarget(word),
            // `fail site` and nothing after: the parser reads a host named `site`; at its end the site's name is being written.
            FailActionSyntax { IsSiteFailure: false } fail when fail.Target == token
                && ScenarioStatementSchema.Action(word)?.Modifier?.Keyword.Word == token.Text => new CompletionContext.ModifiedTarget(word),
            MigrateActionSyntax migrate when migrate.Target == token => new CompletionContext.DestinationKeyword(word),
            MigrateActionSyntax migrate when migrate.ToKeyword == token => new CompletionContext.Destination(word),
            _ => Nothing,
        };
    }

    /// <summary>The innermost node of type <typeparamref name="T"/> on the path below its innermost block (a member of that block, or inside one).</summary>
    private static T? InnermostInBlock<T>(IReadOnlyList<SyntaxNode> path)
        where T : SyntaxNode
    {
        for (var i = path.Count - 1; i >= 0 && path[i] is not BlockSyntax; i--)
        {
            if (path[i] is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Whether the piece is in a comment or a string that holds the offset (an unterminated one runs on).</summary>
    private static bool Holds(Written piece, int offset, SourceText text)
    {
        if (piece.Span.Start >= offset || offset > piece.Span.End)
        {
            return false;
        }

        return piece.Kind switch
        {
            SyntaxKind.SingleLineCommentTrivia => true,
            SyntaxKind.MultiLineCommentTrivia => offset < piece.Span.End || piece.Span.Length < 4 || !text.ToString(piece.Span).EndsWith("*/", StringComparison.Ordinal),
            SyntaxKind.StringLiteral => offset < piece.Span.End || !SyntaxFacts.IsTerminatedString(text.ToString(piece.Span)),
            _ => false,
        };
    }

    private static bool IsFirstOnLine(List<Written> code, Written piece, SourceText text)
    {
        var index = code.IndexOf(piece);
        return index == 0 || text.GetLinePosition(code[index - 1].Span.End).Line < text.GetLinePosition(piece.Span.Start).Line;
    }

    /// <summary>
    /// What is written just before the offset, in order: the tokens (missing ones are not written), the tokens the
    /// parser skipped, and the comments (to tell when the cursor is in one). Only the last few tokens' trivia are read:
    /// the context needs the word at the cursor, the piece before it and the one before that.
    /// </summary>
    private static List<Written> WrittenBefore(CompilationUnitSyntax root, int offset)
    {
        const int Window = 4;
        var last = new Queue<SyntaxToken>(Window + 1);
        foreach (var token in root.DescendantTokens())
        {
            if (token.IsMissing)
            {
                continue;
            }

            if (token.FullSpan.Start >= offset)
            {
                break;
            }

            last.Enqueue(token);
            if (last.Count > Window)
            {
                last.Dequeue();
            }
        }

        var pieces = new List<Written>();
        foreach (var token in last)
        {
            AddTrivia(pieces, token.LeadingTrivia, offset);
            if (token.Span.Length > 0 && token.Span.Start < offset)
            {
                pieces.Add(new Written(token.Span, token.Kind, token));
            }

            AddTrivia(pieces, token.TrailingTrivia, offset);
        }

        return pieces;
    }

    private static void AddTrivia(List<Written> pieces, SyntaxTriviaList trivia, int offset)
    {
        foreach (var piece in trivia)
        {
            if (piece.Span.Start < offset && (piece.IsComment || piece.Kind == SyntaxKind.SkippedTokensTrivia))
            {
                pieces.Add(new Written(piece.Span, piece.Kind, null));
            }
        }
    }

    /// <summary>A written token, or a skipped token or a comment of the trivia (no <paramref name="Token"/>).</summary>
    private readonly record struct Written(TextSpan Span, SyntaxKind Kind, SyntaxToken? Token)
    {
        public bool IsComment => Kind is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia;

        /// <summary>A name or a number being typed (a skipped one too), which completion replaces.</summary>
        public bool IsWord(SourceText text) => Kind switch
        {
            SyntaxKind.Identifier or SyntaxKind.NumberLiteral or SyntaxKind.QuantityLiteral => true,
            SyntaxKind.SkippedTokensTrivia => text.ToString(new TextSpan(Span.Start, 1)) is [var c] && SyntaxFacts.IsIdentifierPart(c),
            // Words the parser made keywords (`at`, `scale`, `to`...) are being typed too.
            SyntaxKind.ImportKeyword or SyntaxKind.AtKeyword or SyntaxKind.ScaleKeyword or SyntaxKind.FailKeyword or SyntaxKind.CrashKeyword
                or SyntaxKind.MigrateKeyword or SyntaxKind.PatchKeyword or SyntaxKind.ForKeyword or SyntaxKind.ToKeyword or SyntaxKind.ExpectKeyword
                or SyntaxKind.SiteKeyword => true,
            _ => false,
        };
    }
}
