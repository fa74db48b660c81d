using VirtLang.Language.Syntax;

namespace VirtLang.Compiler.Schema;

/// <summary>The number or quantity literal of an expression, possibly negated (<c>-4GiB</c>): what the checker and the binder read numbers from.</summary>
internal static class NumericLiteral
{
    public static (SyntaxToken Token, bool Negative)? Of(ValueView value)
    {
        var (literal, negative) = value.Literal is { } token
            ? (token, false)
            : value.Node is UnaryExpressionSyntax { Operand: LiteralExpressionSyntax l } ? (l.Literal, true) : (default(SyntaxToken?), false);
        return literal is { Kind: SyntaxKind.NumberLiteral or SyntaxKind.QuantityLiteral } numeric ? (numeric, negative) : null;
    }
}
