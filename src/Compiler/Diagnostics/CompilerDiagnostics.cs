using VirtLang.Language.Diagnostics;
using static VirtLang.Language.Diagnostics.DiagnosticSeverity;

namespace VirtLang.Compiler.Diagnostics;

/// <summary>
/// The checker's codes (VDL1xxx to VDL5xxx). Built so far: names across files and imports. Numbering inside VDL1xxx:
/// 1001–1009 names and declarations, 1020–1029 imports (see docs/diagnostics/README.md).
/// </summary>
public static class CompilerDiagnostics
{
    public static readonly DiagnosticDescriptor DuplicateDeclaration = new(
        "VDL1002", Error, "Duplicate declaration",
        "`{0}` is declared {1} times in this model; a name is declared once, whatever its kind");

    public static readonly DiagnosticDescriptor ImportNotFound = new(
        "VDL1020", Error, "Import not found",
        "cannot import `{0}`: {1}");

    public static readonly DiagnosticDescriptor ImportCycle = new(
        "VDL1021", Error, "Import cycle",
        "import cycle: {0}");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [DuplicateDeclaration, ImportNotFound, ImportCycle];
}
