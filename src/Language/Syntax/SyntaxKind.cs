namespace VirtLang.Language.Syntax;

/// <summary>Every kind of token, trivia and node. Keywords are contextual: the lexer yields identifiers and the parser re-kinds them.</summary>
public enum SyntaxKind : byte
{
    None = 0,

    // Tokens made by the lexer.
    EndOfFile,
    Identifier,
    NumberLiteral,
    QuantityLiteral,
    StringLiteral,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    OpenParen,
    CloseParen,
    Comma,
    Colon,
    Semicolon,
    Equals,
    DotDot,
    Minus,
    BadToken,

    // Contextual keywords (identifiers the parser gave a role).
    ImportKeyword,
    AtKeyword,
    ScaleKeyword,
    FailKeyword,
    CrashKeyword,
    MigrateKeyword,
    PatchKeyword,
    ForKeyword,
    ToKeyword,
    SiteKeyword,

    // Trivia.
    WhitespaceTrivia,
    EndOfLineTrivia,
    SingleLineCommentTrivia,
    MultiLineCommentTrivia,
    SkippedTokensTrivia,

    // Nodes.
    CompilationUnit,
    Import,
    Block,
    BaseClause,
    Attribute,
    EmptyMember,
    ScenarioStatement,
    TimeRange,
    ScaleAction,
    FailAction,
    ForClause,
    CrashAction,
    MigrateAction,
    PatchAction,
    IdentifierExpression,
    LiteralExpression,
    UnaryExpression,
    ListExpression,
    CallExpression,
    Argument,
    MissingExpression,
}
