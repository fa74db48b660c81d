namespace VirtLang.Cli;

/// <summary>Colour on a terminal, plain text when redirected or when NO_COLOR is set (https://no-color.org).</summary>
internal sealed class ConsoleStyle(bool enabled)
{
    public static ConsoleStyle ForStandardOutput() =>
        new(!Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));

    public bool Enabled { get; } = enabled;

    public string Red(string text) => Wrap("31;1", text);

    public string Yellow(string text) => Wrap("33;1", text);

    public string Cyan(string text) => Wrap("36;1", text);

    public string Blue(string text) => Wrap("34;1", text);

    public string Bold(string text) => Wrap("1", text);

    private string Wrap(string code, string text) => Enabled ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
