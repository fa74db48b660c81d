using System.CommandLine;
using VirtLang.LanguageServer;

namespace VirtLang.Cli.Commands;

/// <summary>
/// <c>vdl lsp</c>: the language server on standard input and output (LSP over stdio), for editors; its own log on
/// standard error. 0 after <c>shutdown</c> then <c>exit</c>, 1 when the client left without <c>shutdown</c>.
/// </summary>
internal static class LspCommand
{
    public static Command Create(CliContext context)
    {
        var stdio = new Option<bool>("--stdio") { Description = "Talk over standard input and output (the default and only transport; editors pass it)" };
        var command = new Command("lsp", "Run the language server over stdio (for editors)") { stdio };
        command.SetAction(_ => Run(context));
        return command;
    }

    private static int Run(CliContext context)
    {
        using var input = Console.OpenStandardInput();
        using var output = Console.OpenStandardOutput();
        using var server = new VdlLanguageServer(input, output, context.Error);
        return server.RunAsync().GetAwaiter().GetResult();
    }
}
