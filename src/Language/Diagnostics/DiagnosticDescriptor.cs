using System.Globalization;

namespace VirtLang.Language.Diagnostics;

/// <summary>
/// The fixed part of a diagnostic: a stable code, a default severity, a title, a message format and a help page.
/// Rules never build message strings ad hoc; they fill a descriptor's format with arguments.
/// </summary>
public sealed class DiagnosticDescriptor
{
    /// <summary>Where the per-code pages live; <c>vdl explain</c> prints the same pages offline.</summary>
    public const string HelpBaseUri = "https://github.com/virtlang/virtlang/blob/main/docs/diagnostics/";

    public DiagnosticDescriptor(string code, DiagnosticSeverity defaultSeverity, string title, string messageFormat)
    {
        Code = code;
        DefaultSeverity = defaultSeverity;
        Title = title;
        MessageFormat = messageFormat;
    }

    /// <summary>For example <c>VDL0001</c>.</summary>
    public string Code { get; }

    public DiagnosticSeverity DefaultSeverity { get; }

    public string Title { get; }

    /// <summary>A composite format string (<see cref="string.Format(IFormatProvider, string, object[])"/>) filled with the instance's arguments.</summary>
    public string MessageFormat { get; }

    public string HelpUri => HelpBaseUri + Code + ".md";

    public string FormatMessage(IReadOnlyList<object> arguments) =>
        arguments.Count == 0
            ? MessageFormat
            : string.Format(CultureInfo.InvariantCulture, MessageFormat, [.. arguments]);

    public override string ToString() => Code;
}
