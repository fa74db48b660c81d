using System.Collections.Immutable;
using VirtLang.Language.Syntax;

namespace VirtLang.Language.Formatting;

/// <summary>Walks the tree and tells the writer where each token goes.</summary>
internal sealed class FormatVisitor(FormatWriter writer)
{
    public void Visit(CompilationUnitSyntax unit)
    {
        VisitMembers(unit.Members, first: Placement.NewLine);
        writer.Write(unit.EndOfFile, Placement.NewLineKeepBlank, commentIndent: 0);
    }

    private void VisitMembers(ImmutableArray<MemberSyntax> members, Placement first)
    {
        var alignments = ComputeAlignment(members);
        for (var i = 0; i < members.Length; i++)
        {
            var placement = i == 0 ? first : Placement.NewLineKeepBlank;
            VisitMember(members[i], placement, alignments[i]);
        }
    }

    private void VisitMember(MemberSyntax member, Placement placement, int nameWidth)
    {
        switch (member)
        {
            case ImportSyntax import:
                writer.Write(import.ImportKeyword, placement);
                writer.Write(import.Path, Placement.Space);
                break;
            case BlockSyntax block:
                VisitBlock(block, placement);
                break;
            case AttributeSyntax attribute:
                writer.Write(attribute.Name, placement);
                writer.Write(attribute.EqualsToken, Placement.Space, extraSpaces: Math.Max(0, nameWidth - attribute.Name.Text.Length));
                VisitExpression(attribute.Value, Placement.Space);
                break;
            case ScenarioStatementSyntax statement:
                VisitScenarioStatement(statement, placement);
                break;
            case ExpectStatementSyntax expect:
                VisitExpectStatement(expect, placement);
                break;
            case EmptyMemberSyntax empty:
                // `;` means nothing: dropped, its comments kept.
                writer.Write(empty.Semicolon, string.Empty, Placement.NoSpace);
                break;
        }
    }

    private void VisitBlock(BlockSyntax block, Placement placement)
    {
        writer.Write(block.KindToken, placement);
        if (block.Name is { } name)
        {
            writer.Write(name, Placement.Space);
        }

        if (block.BaseClause is { } baseClause)
        {
            writer.Write(baseClause.Colon, Placement.Space);
            writer.Write(baseClause.BaseName, Placement.Space);
        }

        writer.Write(block.OpenBrace, Placement.Space);
        // Only `;`s without comments are an empty block too: `{;}` must format as `{}` at once, not as `{` newline `}`
        // that a second pass would join (formatting is idempotent).
        if (block.Members.All(IsBareSemicolon) && !block.CloseBrace.HasLeadingComments && !block.OpenBrace.HasTrailingComments)
        {
            foreach (var member in block.Members)
            {
                writer.Write(((EmptyMemberSyntax)member).Semicolon, string.Empty, Placement.NoSpace);
            }

            writer.Write(block.CloseBrace, Placement.NoSpace);
            return;
        }

        writer.Indent++;
        VisitMembers(block.Members, first: Placement.NewLine);
        var inner = writer.Indent;
        writer.Indent--;
        writer.Write(block.CloseBrace, Placement.NewLine, commentIndent: inner);
    }

    private static bool IsBareSemicolon(MemberSyntax member) =>
        member is EmptyMemberSyntax empty && !empty.Semicolon.HasLeadingComments && !empty.Semicolon.HasTrailingComments;

    private void VisitScenarioStatement(ScenarioStatementSyntax statement, Placement placement)
    {
        writer.Write(statement.AtKeyword, placement);
        VisitExpression(statement.When.From, Placement.Space);
        if (statement.When.DotDot is { } dotDot)
        {
            writer.Write(dotDot, Placement.NoSpace);
            if (statement.When.To is { } to)
            {
                VisitExpression(to, Placement.NoSpace);
            }
        }

        if (statement.Action is not { } action)
        {
            return;
        }

        foreach (var element in action.ChildElements())
        {
            if (element.Token is { } token)
            {
                writer.Write(token, Placement.Space);
            }
            else if (element.Node is ForClauseSyntax forClause)
            {
                writer.Write(forClause.ForKeyword, Placement.Space);
                VisitExpression(forClause.Duration, Placement.Space);
            }
            else if (element.Node is ExpressionSyntax expression)
            {
                VisitExpression(expression, Placement.Space);
            }
        }
    }

    /// <summary>One space between the words, the comparison and the value: `expect p95 utilization esx-01 < 80%`.</summary>
    private void VisitExpectStatement(ExpectStatementSyntax expect, Placement placement)
    {
        writer.Write(expect.ExpectKeyword, placement);
        foreach (var element in expect.ChildElements().Skip(1))
        {
            if (element.Token is { } token)
            {
                writer.Write(token, Placement.Space);
            }
            else if (element.Node is ExpressionSyntax expression)
            {
                VisitExpression(expression, Placement.Space);
            }
        }
    }

    private void VisitExpression(ExpressionSyntax expression, Placement placement)
    {
        switch (expression)
        {
            case IdentifierExpressionSyntax identifier:
                writer.Write(identifier.Identifier, placement);
                break;
            case LiteralExpressionSyntax literal:
                writer.Write(literal.Literal, placement);
                break;
            case UnaryExpressionSyntax unary:
                writer.Write(unary.OperatorToken, placement);
                VisitExpression(unary.Operand, Placement.NoSpace);
                break;
            case ListExpressionSyntax list:
                VisitSequence(list.OpenBracket, list.Elements, list.CloseBracket, placement);
                break;
            case CallExpressionSyntax call:
                writer.Write(call.Name, placement);
                VisitSequence(call.OpenParen, call.Arguments, call.CloseParen, Placement.NoSpace);
                break;
            case MissingExpressionSyntax:
                break;
        }
    }

    private void VisitSequence<TNode>(SyntaxToken open, SeparatedSyntaxList<TNode> items, SyntaxToken close, Placement placement)
        where TNode : SyntaxNode
    {
        writer.Write(open, placement);
        var multiline = IsMultiline(open, items, close);
        if (multiline)
        {
            writer.Indent++;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var itemPlacement = multiline ? Placement.NewLine : i == 0 ? Placement.NoSpace : Placement.Space;
            VisitItem(items[i], itemPlacement);
            SyntaxToken? separator = i < items.SeparatorCount ? items.GetSeparator(i) : null;
            var last = i == items.Count - 1;
            var text = multiline || !last ? "," : string.Empty;
            writer.Write(separator, text, Placement.NoSpace);
        }

        if (multiline)
        {
            var inner = writer.Indent;
            writer.Indent--;
            writer.Write(close, Placement.NewLine, commentIndent: inner);
        }
        else
        {
            writer.Write(close, Placement.NoSpace);
        }
    }

    private void VisitItem(SyntaxNode item, Placement placement)
    {
        if (item is ArgumentSyntax argument)
        {
            if (argument.Name is { } name && argument.EqualsToken is { } equalsToken)
            {
                writer.Write(name, placement);
                writer.Write(equalsToken, Placement.Space);
                VisitExpression(argument.Value, Placement.Space);
            }
            else
            {
                VisitExpression(argument.Value, placement);
            }
        }
        else if (item is ExpressionSyntax expression)
        {
            VisitExpression(expression, placement);
        }
    }

    /// <summary>A list or call keeps one item per line when the author broke the line after the opener or commented inside.</summary>
    private static bool IsMultiline<TNode>(SyntaxToken open, SeparatedSyntaxList<TNode> items, SyntaxToken close)
        where TNode : SyntaxNode
    {
        if (items.Count == 0)
        {
            return open.HasTrailingComments || close.HasLeadingComments;
        }

        if (open.TrailingTrivia.Any(t => t.Kind == SyntaxKind.EndOfLineTrivia || t.IsComment) || close.HasLeadingComments)
        {
            return true;
        }

        foreach (var separator in items.GetSeparators())
        {
            if (separator.HasLeadingComments || separator.HasTrailingComments)
            {
                return true;
            }
        }

        foreach (var item in items)
        {
            foreach (var token in item.DescendantTokens())
            {
                if (token.HasLeadingComments || token.HasTrailingComments)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// For each member, the width its attribute name is padded to: the longest name in its run of consecutive
    /// single-line attributes (a blank line, another kind of member or a multi-line value ends a run).
    /// </summary>
    private static int[] ComputeAlignment(ImmutableArray<MemberSyntax> members)
    {
        var widths = new int[members.Length];
        var run = new List<int>();
        void Close()
        {
            var width = run.Count == 0 ? 0 : run.Max(j => ((AttributeSyntax)members[j]).Name.Text.Length);
            foreach (var j in run)
            {
                widths[j] = width;
            }

            run.Clear();
        }

        for (var i = 0; i < members.Length; i++)
        {
            switch (members[i])
            {
                case EmptyMemberSyntax:
                    continue; // a dropped `;` neither joins nor ends a run
                case AttributeSyntax attribute when IsSingleLine(attribute):
                    if (run.Count > 0 && HasBlankLineBefore(attribute))
                    {
                        Close();
                    }

                    run.Add(i);
                    break;
                default:
                    Close();
                    break;
            }
        }

        Close();
        return widths;
    }

    /// <summary>
    /// Whether the attribute will be printed on one line: decided by the same rules as the printing (comments and
    /// multi-line lists or calls), never by the source layout, so that alignment is stable from one run to the next.
    /// </summary>
    private static bool IsSingleLine(AttributeSyntax attribute)
    {
        var last = attribute.GetLastToken();
        foreach (var token in attribute.DescendantTokens())
        {
            if ((token != attribute.Name && token.HasLeadingComments) || (token != last && token.HasTrailingComments))
            {
                return false;
            }
        }

        foreach (var node in attribute.Value.DescendantNodesAndSelf())
        {
            var multiline = node switch
            {
                ListExpressionSyntax list => IsMultiline(list.OpenBracket, list.Elements, list.CloseBracket),
                CallExpressionSyntax call => IsMultiline(call.OpenParen, call.Arguments, call.CloseParen),
                _ => false,
            };
            if (multiline)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasBlankLineBefore(MemberSyntax member)
    {
        if (member.GetFirstToken() is not { } first)
        {
            return false;
        }

        // The previous line's break is in the previous token's trailing trivia, so any break here means a blank line.
        foreach (var trivia in first.LeadingTrivia)
        {
            if (trivia.Kind == SyntaxKind.EndOfLineTrivia)
            {
                return true;
            }

            if (trivia.IsComment)
            {
                return false;
            }
        }

        return false;
    }
}
