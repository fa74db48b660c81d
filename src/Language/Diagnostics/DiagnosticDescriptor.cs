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
        ArgumentCount = MessageFormatArity.ArgumentCount(messageFormat);
    }

    /// <summary>For example <c>VDL0001</c>.</summary>
    public string Code { get; }

    public DiagnosticSeverity DefaultSeverity { get; }

    /// <summary>
    /// Whether what it reports is something the code generator or the simulator cannot take (a broken tree, a number out
    /// of range, an import that cannot be read, a scenario the simulator refuses, a model too large), so that it stays
    /// an error whatever vdlconfig.json says: lowering it would let <c>check</c> pass what <c>run</c> then refuses. Every
    /// front-end error (VDL0xxx) is one; checker codes say so where they are declared.
    /// </summary>
    public bool GuardsTheRun
    {
        get => _guardsTheRun || (DefaultSeverity == DiagnosticSeverity.Error && Code.StartsWith("VDL0", StringComparison.Ordinal));
        init => _guardsTheRun = value;
    }

    private readonly bool _guardsTheRun;

    public string Title { get; }

    /// <summary>A composite format string (<see cref="string.Format(IFormatProvider, string, object[])"/>) filled with the instance's arguments.</summary>
    public string MessageFormat { get; }

    /// <summary>How many arguments <see cref="MessageFormat"/> takes.</summary>
    public int ArgumentCount { get; }

    public string HelpUri => HelpBaseUri + Code + ".md";

    public string FormatMessage(IReadOnlyList<object> arguments) =>
        arguments.Count == 0
            ? MessageFormat
            : string.Format(CultureInfo.InvariantCulture, MessageFormat, [.. arguments]);

    public override string ToString() => Code;
}
