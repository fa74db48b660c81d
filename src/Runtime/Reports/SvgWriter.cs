using System.Globalization;
using System.Text;

namespace VirtLang.Runtime.Reports;

/// <summary>
/// A small writer of SVG markup: every attribute value and text node is XML-escaped here, so names from a model
/// reach a report or a graph as text, never as markup. Numbers are written with the invariant culture and at most
/// one decimal, so the same run gives the same bytes.
/// </summary>
public sealed class SvgWriter
{
    private readonly StringBuilder _text = new();
    private readonly Stack<string> _open = new();

    /// <summary>Opens the root element with a view box; <paramref name="label"/> becomes its accessible name.</summary>
    public SvgWriter(double width, double height, string label, string? cssClass = null)
    {
        _text.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" height=\"{N(height)}\" role=\"img\" aria-label=\"{Escape(label)}\"");
        if (cssClass is not null)
        {
            _text.Append(" class=\"").Append(Escape(cssClass)).Append('"');
        }

        _text.Append(">\n");
        _open.Push("svg");
    }

    /// <summary>Starts a group (<c>g</c>); attributes are name/value pairs.</summary>
    public SvgWriter Group(params (string Name, object Value)[] attributes) => Open("g", attributes);

    public SvgWriter Open(string element, params (string Name, object Value)[] attributes)
    {
        StartTag(element, attributes);
        _text.Append(">\n");
        _open.Push(element);
        return this;
    }

    public SvgWriter Close()
    {
        _text.Append("</").Append(_open.Pop()).Append(">\n");
        return this;
    }

    /// <summary>An element with no content.</summary>
    public SvgWriter Element(string element, params (string Name, object Value)[] attributes)
    {
        StartTag(element, attributes);
        _text.Append("/>\n");
        return this;
    }

    /// <summary>An element holding text (a <c>text</c> or a <c>title</c>), escaped.</summary>
    public SvgWriter TextElement(string element, string content, params (string Name, object Value)[] attributes)
    {
        StartTag(element, attributes);
        _text.Append('>').Append(Escape(content)).Append("</").Append(element).Append(">\n");
        return this;
    }

    /// <summary>A rectangle with a tooltip (<c>title</c>) that browsers show on hover.</summary>
    public SvgWriter RectWithTitle(double x, double y, double width, double height, string cssClass, string title)
    {
        StartTag("rect", [("x", x), ("y", y), ("width", width), ("height", height), ("class", cssClass)]);
        _text.Append("><title>").Append(Escape(title)).Append("</title></rect>\n");
        return this;
    }

    /// <summary>The markup, closing whatever is still open.</summary>
    public override string ToString()
    {
        var copy = new StringBuilder(_text.ToString());
        foreach (var element in _open)
        {
            copy.Append("</").Append(element).Append(">\n");
        }

        return copy.ToString();
    }

    /// <summary>A coordinate or length: invariant culture, one decimal at most.</summary>
    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Text as XML character data or an attribute value; control characters (not allowed in XML) become spaces.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0 && !text.Any(char.IsControl))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),
                _ when char.IsControl(c) => builder.Append(' '),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    private void StartTag(string element, (string Name, object Value)[] attributes)
    {
        _text.Append('<').Append(element);
        foreach (var (name, value) in attributes)
        {
            var text = value switch
            {
                double d => N(d),
                float f => N(f),
                int i => i.ToString(CultureInfo.InvariantCulture),
                _ => Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
            };
            _text.Append(' ').Append(name).Append("=\"").Append(text).Append('"');
        }
    }
}
