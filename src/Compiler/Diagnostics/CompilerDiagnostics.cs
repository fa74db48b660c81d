using VirtLang.Language.Diagnostics;
using static VirtLang.Language.Diagnostics.DiagnosticSeverity;

namespace VirtLang.Compiler.Diagnostics;

/// <summary>
/// The checker's codes (VDL1xxx to VDL5xxx). Built so far: names across files and imports. Numbering inside VDL1xxx:
/// 1001–1009 names, declarations and blocks, 1010–1019 attributes and values, 1020–1029 imports (see docs/diagnostics/README.md).
/// </summary>
public static class CompilerDiagnostics
{
    public static readonly DiagnosticDescriptor UnknownReference = new(
        "VDL1001", Error, "Unknown name",
        "`{0}` is not declared in this model{1}");

    public static readonly DiagnosticDescriptor BlockNotAllowed = new(
        "VDL1003", Error, "Block not allowed here",
        "a `{0}` block cannot stand {1}{2}; {3}");

    public static readonly DiagnosticDescriptor WrongKindReference = new(
        "VDL1004", Error, "Reference to the wrong kind",
        "`{0}` is {1}, but {2} needs {3}");

    public static readonly DiagnosticDescriptor SelfBase = new(
        "VDL1005", Error, "Based on itself",
        "`{0}` cannot be based on itself; a base is another entry of the catalog");

    public static readonly DiagnosticDescriptor BlockName = new(
        "VDL1006", Error, "Block name missing or not allowed",
        "{0}");

    public static readonly DiagnosticDescriptor RepeatedBlock = new(
        "VDL1007", Error, "Block repeated",
        "{0} has more than one `{1}` block; it may have one");

    public static readonly DiagnosticDescriptor UnknownAttribute = new(
        "VDL1010", Error, "Unknown attribute",
        "`{0}` is not an attribute of `{1}`{2}");

    public static readonly DiagnosticDescriptor MissingAttribute = new(
        "VDL1011", Error, "Missing required attribute",
        "{0} has no `{1}`, which is required: {2}");

    public static readonly DiagnosticDescriptor WrongType = new(
        "VDL1012", Error, "Wrong type or dimension",
        "`{0}` must be {1}, not {2}");

    public static readonly DiagnosticDescriptor UnknownWord = new(
        "VDL1013", Error, "Unknown value",
        "`{0}` is not a value of `{1}`{2}; the values are {3}");

    public static readonly DiagnosticDescriptor DuplicateAttribute = new(
        "VDL1014", Error, "Attribute set twice",
        "`{0}` is set twice in {1}; the first is here, the second replaces nothing");

    public static readonly DiagnosticDescriptor OutOfRange = new(
        "VDL1015", Error, "Value out of range",
        "`{0}` = {1} is out of range: {2}");

    public static readonly DiagnosticDescriptor DuplicateDeclaration = new(
        "VDL1002", Error, "Duplicate declaration",
        "`{0}` is declared {1} times in this model; a name is declared once, whatever its kind");

    public static readonly DiagnosticDescriptor ImportNotFound = new(
        "VDL1020", Error, "Import not found",
        "cannot import `{0}`: {1}");

    public static readonly DiagnosticDescriptor ImportCycle = new(
        "VDL1021", Error, "Import cycle",
        "import cycle: {0}");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        UnknownReference, DuplicateDeclaration, BlockNotAllowed, WrongKindReference, SelfBase, BlockName, RepeatedBlock,
        UnknownAttribute, MissingAttribute, WrongType, UnknownWord, DuplicateAttribute, OutOfRange, ImportNotFound, ImportCycle,
    ];
}
