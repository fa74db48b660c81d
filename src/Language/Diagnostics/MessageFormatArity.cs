using System.Globalization;

namespace VirtLang.Language.Diagnostics;

/// <summary>
/// How many arguments a message format takes, and the check that a diagnostic is given exactly that many. Message
/// arguments are <c>object</c>s, so the compiler cannot count them: too few throws inside <c>string.Format</c> only on the
/// path that reports it, too many are dropped silently. The check runs where the runtime switch
/// <see cref="SwitchName"/> is on, as every test project turns it on, so the whole test suite holds each call site to its format;
/// a user's run keeps the old behaviour rather than fail on a message.
/// </summary>
public static class MessageFormatArity
{
    public const string SwitchName = "VirtLang.Diagnostics.CheckMessageArity";

    private static readonly bool Enabled = AppContext.TryGetSwitch(SwitchName, out var on) && on;

    /// <summary>The placeholder indices a composite format uses (<c>{{</c> and <c>}}</c> are literal braces).</summary>
    public static IReadOnlySet<int> Placeholders(string format)
    {
        var used = new SortedSet<int>();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '{')
            {
                continue;
            }

            if (i + 1 < format.Length && format[i + 1] == '{')
            {
                i++;
                continue;
            }

            var end = i + 1;
            while (end < format.Length && char.IsAsciiDigit(format[end]))
            {
                end++;
            }

            if (end > i + 1)
            {
                used.Add(int.Parse(format.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture));
            }

            i = end - 1;
        }

        return used;
    }

    /// <summary>The number of arguments a format takes: one more than its highest placeholder.</summary>
    public static int ArgumentCount(string format) => Placeholders(format) is { Count: > 0 } used ? used.Max() + 1 : 0;

    /// <exception cref="InvalidOperationException">The switch is on and the count differs from the format's.</exception>
    internal static void Verify(DiagnosticDescriptor descriptor, IReadOnlyList<object> arguments)
    {
        if (Enabled && arguments.Count != descriptor.ArgumentCount)
        {
            throw new InvalidOperationException(
                $"{descriptor.Code}: the message format takes {descriptor.ArgumentCount} argument(s) but {arguments.Count} were given: \"{descriptor.MessageFormat}\"");
        }
    }
}
