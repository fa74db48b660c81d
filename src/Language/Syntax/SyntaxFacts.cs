namespace VirtLang.Language.Syntax;

/// <summary>What the syntax knows about words and tokens, in one place.</summary>
public static class SyntaxFacts
{
    /// <summary>The declaration kinds of language.md that stand at the top of a file.</summary>
    public static readonly IReadOnlySet<string> TopLevelBlockKinds =
        new HashSet<string>(StringComparer.Ordinal) { "os", "hardware", "app", "host", "cluster", "scenario" };

    public static readonly IReadOnlyList<string> ScenarioActions = ["scale", "fail", "crash", "migrate", "patch"];

    public static SyntaxKind? ScenarioActionKind(string word) => word switch
    {
        "scale" => SyntaxKind.ScaleKeyword,
        "fail" => SyntaxKind.FailKeyword,
        "crash" => SyntaxKind.CrashKeyword,
        "migrate" => SyntaxKind.MigrateKeyword,
        "patch" => SyntaxKind.PatchKeyword,
        _ => null,
    };

    public static bool IsTrivia(SyntaxKind kind) => kind is >= SyntaxKind.WhitespaceTrivia and <= SyntaxKind.SkippedTokensTrivia;

    public static bool IsKeyword(SyntaxKind kind) => kind is >= SyntaxKind.ImportKeyword and <= SyntaxKind.ToKeyword;

    public static bool IsLiteral(SyntaxKind kind) =>
        kind is SyntaxKind.NumberLiteral or SyntaxKind.QuantityLiteral or SyntaxKind.StringLiteral;

    /// <summary>How a token kind is named in messages: "`}`", "a string", "end of file".</summary>
    public static string Describe(SyntaxKind kind) => kind switch
    {
        SyntaxKind.EndOfFile => "end of file",
        SyntaxKind.Identifier => "a name",
        SyntaxKind.NumberLiteral => "a number",
        SyntaxKind.QuantityLiteral => "a quantity",
        SyntaxKind.StringLiteral => "a string",
        SyntaxKind.OpenBrace => "`{`",
        SyntaxKind.CloseBrace => "`}`",
        SyntaxKind.OpenBracket => "`[`",
        SyntaxKind.CloseBracket => "`]`",
        SyntaxKind.OpenParen => "`(`",
        SyntaxKind.CloseParen => "`)`",
        SyntaxKind.Comma => "`,`",
        SyntaxKind.Colon => "`:`",
        SyntaxKind.Semicolon => "`;`",
        SyntaxKind.Equals => "`=`",
        SyntaxKind.DotDot => "`..`",
        SyntaxKind.Minus => "`-`",
        SyntaxKind.ImportKeyword => "`import`",
        SyntaxKind.AtKeyword => "`at`",
        SyntaxKind.ForKeyword => "`for`",
        SyntaxKind.ToKeyword => "`to`",
        _ => kind.ToString(),
    };

    public static bool IsIdentifierStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' || (c > 127 && char.IsLetter(c));

    public static bool IsIdentifierPart(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' || (c > 127 && char.IsLetterOrDigit(c));

    /// <summary>Whether a string literal's text has its closing quote (an escaped <c>\"</c> does not close it).</summary>
    public static bool IsTerminatedString(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return i == text.Length - 1;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="name"/> is a valid identifier, so that it can be written without quoting.</summary>
    public static bool IsValidIdentifier(string name)
    {
        if (name.Length == 0 || !IsIdentifierStart(name[0]) || name[^1] == '-')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!IsIdentifierPart(c))
            {
                return false;
            }
        }

        return true;
    }
}
