using System.Globalization;
using VirtLang.Language.Diagnostics;

namespace VirtLang.Import;

/// <summary>What went wrong with one source file, where: written as <c>file(line,col): error VDL6nnn: message</c>.</summary>
public sealed record ImportProblem(string Path, int Line, int Column, DiagnosticDescriptor Descriptor, string Message)
{
    public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

    public static ImportProblem Of(string path, int line, int column, DiagnosticDescriptor descriptor, params object[] arguments) =>
        new(path, Math.Max(1, line), Math.Max(1, column), descriptor, descriptor.FormatMessage(arguments));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Path}({Line},{Column}): {(IsError ? "error" : "warning")} {Descriptor.Code}: {Message}");
}
