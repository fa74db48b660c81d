namespace VirtLang.Import.Inventory;

/// <summary>
/// Which header holds each field of a VM inventory: by default the vInfo export's own headers, changed field by field
/// with `--columns FIELD=HEADER,...` for another layout. Headers match ignoring case and surrounding spaces.
/// </summary>
public sealed class InventoryColumns
{
    /// <summary>The fields, with the vInfo header of each and what it holds (for the usage text and VDL6021).</summary>
    public static IReadOnlyList<(string Field, string Header, string Meaning)> Fields { get; } =
    [
        ("VM", "VM", "the VM's name"),
        ("Powerstate", "Powerstate", "poweredOn, poweredOff or suspended"),
        ("CPUs", "CPUs", "the vCPUs of each VM"),
        ("Memory", "Memory", "configured memory in MB (MiB)"),
        ("Host", "Host", "the host it runs on"),
        ("Cluster", "Cluster", "the host's cluster"),
        ("OS", "OS according to the configuration file", "the guest OS"),
        ("Provisioned", "Provisioned MB", "disk provisioned, in MB (MiB)"),
        ("InUse", "In Use MB", "disk in use, in MB (MiB)"),
        ("NICs", "NICs", "number of network adapters"),
        ("Disks", "Disks", "number of virtual disks"),
    ];

    /// <summary>The fields without which a row is no guest.</summary>
    public static IReadOnlyList<string> Required { get; } = ["VM", "CPUs", "Memory"];

    private readonly Dictionary<string, string> _headers;

    private InventoryColumns(Dictionary<string, string> headers) => _headers = headers;

    public static InventoryColumns Default { get; } = new(Fields.ToDictionary(f => f.Field, f => f.Header, StringComparer.OrdinalIgnoreCase));

    public string HeaderOf(string field) => _headers[field];

    /// <summary>`VM=Name,CPUs=NumCpu`: null and why when a field is unknown or a pair malformed.</summary>
    public static InventoryColumns? Parse(string? mapping, out string? error)
    {
        error = null;
        var headers = new Dictionary<string, string>(Default._headers, StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(mapping))
        {
            return Default;
        }

        foreach (var pair in mapping.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var field = equals > 0 ? pair[..equals].Trim() : pair;
            var header = equals > 0 ? pair[(equals + 1)..].Trim() : string.Empty;
            if (equals <= 0 || header.Length == 0)
            {
                error = $"--columns takes FIELD=HEADER pairs separated by commas; `{pair}` is not one";
                return null;
            }

            if (!headers.ContainsKey(field))
            {
                error = $"--columns: `{field}` is not a field; the fields are {string.Join(", ", Fields.Select(f => f.Field))}";
                return null;
            }

            headers[Fields.First(f => string.Equals(f.Field, field, StringComparison.OrdinalIgnoreCase)).Field] = header;
        }

        return new InventoryColumns(headers);
    }
}
