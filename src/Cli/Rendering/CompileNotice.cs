using System.Globalization;
using VirtLang.Compiler;

namespace VirtLang.Cli.Rendering;

/// <summary>
/// A line on the terminal when turning the model into objects takes a while (Roslyn compiling the generated C# of a
/// large model the first time takes seconds): a user should not stare at a silent terminal. Shown only on a terminal's
/// standard error, and only after <see cref="Delay"/>, so a model loaded from the cache says nothing and standard
/// output (<c>--json -</c>) never sees it.
/// </summary>
internal sealed class CompileNotice : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    private readonly Timer? _timer;

    private CompileNotice(TextWriter? terminal, string text)
    {
        if (terminal is not null)
        {
            _timer = new Timer(_ => terminal.WriteLine(text), null, Delay, Timeout.InfiniteTimeSpan);
        }
    }

    public static CompileNotice Start(CliContext context, SemanticModel model)
    {
        var terminal = Console.IsErrorRedirected || context.Error != Console.Error ? null : context.Error;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Compiling the model: {model.Hosts.Count:N0} host{(model.Hosts.Count == 1 ? "" : "s")}, {model.Guests.Count:N0} guest{(model.Guests.Count == 1 ? "" : "s")} (a model is compiled once, then loaded from the cache)…");
        return new CompileNotice(terminal, text);
    }

    public void Dispose() => _timer?.Dispose();
}
