using static VirtLang.Language.Diagnostics.DiagnosticSeverity;

namespace VirtLang.Language.Diagnostics;

/// <summary>
/// The VDL0xxx codes: everything the front-end reports (encoding, tokens, literals, structure, limits).
/// Numbering: 0001–0009 tokens and structure, 0010–0019 literals, 0020–0029 scenario statements,
/// 0030–0039 limits, 0040–0049 file content, 0050–0059 configuration. Each code has a page docs/diagnostics/VDLnnnn.md.
/// </summary>
public static class SyntaxDiagnostics
{
    public static readonly DiagnosticDescriptor UnexpectedToken = new(
        "VDL0001", Error, "Unexpected token",
        "unexpected {0}; expected {1}");

    public static readonly DiagnosticDescriptor MissingToken = new(
        "VDL0002", Error, "Missing token",
        "expected {0}");

    public static readonly DiagnosticDescriptor UnterminatedString = new(
        "VDL0003", Error, "Unterminated string",
        "this string has no closing `\"` before the end of the line");

    public static readonly DiagnosticDescriptor UnterminatedComment = new(
        "VDL0004", Error, "Unterminated block comment",
        "this block comment has no closing `*/`");

    public static readonly DiagnosticDescriptor InvalidEscape = new(
        "VDL0005", Error, "Invalid escape sequence",
        "`\\{0}` is not an escape sequence; strings allow only `\\\"` and `\\\\`");

    public static readonly DiagnosticDescriptor UnexpectedCharacter = new(
        "VDL0006", Error, "Unexpected character",
        "unexpected {0}: it starts no token of the language; expected {1}");

    public static readonly DiagnosticDescriptor UnclosedBlock = new(
        "VDL0007", Error, "Unclosed block",
        "expected `}}` to close {0} opened at line {1}");

    public static readonly DiagnosticDescriptor BadNumber = new(
        "VDL0010", Error, "Malformed number",
        "`{0}` is not a number: {1}");

    public static readonly DiagnosticDescriptor UnknownUnit = new(
        "VDL0011", Error, "Unknown unit",
        "`{0}` is not a unit{1}; the units are {2}");

    public static readonly DiagnosticDescriptor BadTimeChain = new(
        "VDL0012", Error, "Malformed time literal",
        "`{0}` cannot be chained in a time literal: {1}");

    public static readonly DiagnosticDescriptor BadVersion = new(
        "VDL0013", Error, "Malformed version",
        "`{0}` is not a version: {1}");

    public static readonly DiagnosticDescriptor BadVersionConstraint = new(
        "VDL0014", Error, "Malformed version constraint",
        "`{0}` is not a version constraint: {1}");

    public static readonly DiagnosticDescriptor NumberTooLarge = new(
        "VDL0015", Error, "Number too large",
        "`{0}` is too large: a number holds whole values exactly up to 9,007,199,254,740,992 (2^53), and each attribute has a smaller maximum");

    public static readonly DiagnosticDescriptor BadScenarioStatement = new(
        "VDL0020", Error, "Malformed scenario statement",
        "malformed scenario statement: {0}");

    public static readonly DiagnosticDescriptor ScenarioStatementOutsideScenario = new(
        "VDL0021", Error, "Scenario statement outside a scenario",
        "`at` statements belong in a `scenario` block, not in {0}");

    public static readonly DiagnosticDescriptor EndAndDuration = new(
        "VDL0022", Error, "Both an end time and a duration",
        "`at {0}` already says when the {1} ends; write either the end time or `{2}`, not both");

    public static readonly DiagnosticDescriptor TimingOnInstantAction = new(
        "VDL0023", Error, "An end time or duration on an action that does not last",
        "`{0}` happens at one time and ends by itself: {1} does not apply; only `scale` and `fail` last");

    public static readonly DiagnosticDescriptor BadExpectStatement = new(
        "VDL0024", Error, "Malformed expect statement",
        "malformed expect statement: {0}");

    public static readonly DiagnosticDescriptor ExpectOutsideScenario = new(
        "VDL0025", Error, "Expect statement outside a scenario",
        "`expect` statements belong in a `scenario` block, not in {0}");

    public static readonly DiagnosticDescriptor NestingTooDeep = new(
        "VDL0030", Error, "Nesting too deep",
        "blocks and lists are nested more than {0} levels deep here; the rest of this {1} is skipped");

    public static readonly DiagnosticDescriptor TooManyErrors = new(
        "VDL0031", Error, "Too many errors",
        "more than {0} errors in this file; the rest are not reported");

    public static readonly DiagnosticDescriptor TooManyDiagnostics = new(
        "VDL0035", Info, "Too many diagnostics",
        "{0} more diagnostics in this file are not shown ({1}); the first {2} are, errors first");

    public static readonly DiagnosticDescriptor FileTooLarge = new(
        "VDL0036", Error, "File too large",
        "cannot import `{0}`: {1}");

    public static readonly DiagnosticDescriptor ModelTextTooLarge = new(
        "VDL0037", Error, "Model files too large",
        "cannot import `{0}`: with it the model's files would have {1:N0} characters, more than the {2} MiB a model may have");

    public static readonly DiagnosticDescriptor BinaryFile = new(
        "VDL0040", Error, "Not a text file",
        "this file is not text (a NUL character at offset {0}); a .vdl file is UTF-8 text");

    public static readonly DiagnosticDescriptor InvalidUtf8 = new(
        "VDL0041", Error, "Invalid UTF-8",
        "the byte 0x{0:X2} at offset {1} is not valid UTF-8; save the file as UTF-8");

    public static readonly DiagnosticDescriptor UnreadableFile = new(
        "VDL0042", Error, "File cannot be read",
        "cannot read the model file: {0}");

    public static readonly DiagnosticDescriptor InvalidConfiguration = new(
        "VDL0050", Error, "Invalid configuration",
        "vdlconfig.json: {0}; the defaults apply instead");

    /// <summary>Every VDL0xxx descriptor, in code order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        UnexpectedToken, MissingToken, UnterminatedString, UnterminatedComment, InvalidEscape, UnexpectedCharacter,
        UnclosedBlock, BadNumber, UnknownUnit, BadTimeChain, BadVersion, BadVersionConstraint, NumberTooLarge, BadScenarioStatement,
        ScenarioStatementOutsideScenario, EndAndDuration, TimingOnInstantAction, BadExpectStatement, ExpectOutsideScenario, NestingTooDeep, TooManyErrors,
        TooManyDiagnostics, FileTooLarge, ModelTextTooLarge, BinaryFile, InvalidUtf8, UnreadableFile, InvalidConfiguration,
    ];
}
