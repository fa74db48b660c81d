namespace VirtLang.Cli.Files;

/// <summary>
/// <c>-</c> as a path, as Unix tools take it: standard input for a model (<c>vdl check -</c>, <c>vdl fmt -</c>),
/// standard output for an output (<c>--json -</c>, <c>--report -</c>). A model read from standard input is named
/// <c>&lt;stdin&gt;</c> in diagnostics; its imports are relative to the working directory.
/// </summary>
internal static class StandardStreamPath
{
    public const string Dash = "-";

    public const string InputName = "<stdin>";

    public static bool Is(string? path) => path == Dash;
}
