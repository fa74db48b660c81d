using System.Globalization;
using CsvHelper;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Import.Model;
using VirtLang.Import.Sources;

namespace VirtLang.Import.Inventory;

/// <summary>
/// `vdl import inventory`: a VM inventory in the vInfo layout (or another, with <see cref="InventoryColumns"/>) becomes
/// one guest per row on the host its `Host` column names (ESXi, bare metal, hardware unknown: a placeholder), and a
/// cluster per `Cluster` value. A powered-off VM is written (it holds its configuration) and marked so in a comment. The
/// file is streamed: UTF-8 with or without a byte order mark (UTF-16 and UTF-32 with one), any of `,` `;` tab `|` as
/// separator, quoted fields, ragged rows (a missing cell is empty). A row that cannot be a guest is a VDL6007 and is
/// skipped; the other rows are imported.
/// </summary>
public static class InventoryCsvImporter
{
    private const long MiB = 1024 * 1024;

    public static void Import(string path, InventoryColumns columns, ImportedEstate estate, List<ImportProblem> problems)
    {
        using var stream = ImportSourceReader.TryOpen(path, ImportLimits.MaxInventoryBytes, problems);
        if (stream is null)
        {
            return;
        }

        var options = new CsvReaderOptions
        {
            HasHeader = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            MaxRecordSize = ImportLimits.MaxInventoryFieldChars * 16,
            TrimWhitespace = true,
        };
        try
        {
            using var reader = CsvReader.Create(stream, options, leaveOpen: true);
            if (Indexes(path, reader, columns, problems) is not { } index)
            {
                return;
            }

            var rows = 0;
            var guests = estate.GuestCount;
            while (reader.Read())
            {
                if (++rows > ImportLimits.MaxInventoryRows || reader.FieldCount > ImportLimits.MaxInventoryFields)
                {
                    problems.Add(ImportProblem.Of(path, (int)reader.LineNumber, 1, ImportDiagnostics.OverALimit,
                        rows > ImportLimits.MaxInventoryRows ? "the inventory has more rows" : $"row {rows} has {reader.FieldCount:N0} fields, more",
                        rows > ImportLimits.MaxInventoryRows ? $"{ImportLimits.MaxInventoryRows:N0} rows" : $"{ImportLimits.MaxInventoryFields:N0} fields"));
                    return;
                }

                if (guests >= ImportLimits.MaxGuests)
                {
                    problems.Add(ImportProblem.Of(path, (int)reader.LineNumber, 1, ImportDiagnostics.OverALimit, "the model has more guests", $"{ImportLimits.MaxGuests:N0} guests"));
                    return;
                }

                guests += ImportRow(path, (int)reader.LineNumber, Cell(reader, index), estate, problems) ? 1 : 0;
            }

            if (rows == 0)
            {
                problems.Add(ImportProblem.Of(path, 1, 1, ImportDiagnostics.NothingToImport, "the inventory has a header and no row"));
            }
        }
        catch (CsvFormatException e)
        {
            problems.Add(ImportProblem.Of(path, (int)Math.Min(e.LineNumber, int.MaxValue), 1, ImportDiagnostics.MalformedCsv, e.Message));
        }
    }

    /// <summary>The column of each field the header has; null (and a VDL6021 per missing required field) when one is missing.</summary>
    private static Dictionary<string, int>? Indexes(string path, CsvReader reader, InventoryColumns columns, List<ImportProblem> problems)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        _ = reader.Headers;
        foreach (var (field, _, meaning) in InventoryColumns.Fields)
        {
            if (reader.TryGetFieldIndex(columns.HeaderOf(field), out var column))
            {
                index[field] = column;
            }
            else if (InventoryColumns.Required.Contains(field))
            {
                problems.Add(ImportProblem.Of(path, 1, 1, ImportDiagnostics.MissingColumn, columns.HeaderOf(field), meaning, field));
            }
        }

        return InventoryColumns.Required.All(index.ContainsKey) ? index : null;
    }

    private static Func<string, string> Cell(CsvReader reader, Dictionary<string, int> index) =>
        field => index.TryGetValue(field, out var column) && column < reader.FieldCount ? reader.GetString(column).Trim() : string.Empty;

    /// <summary>Whether the row became a guest.</summary>
    private static bool ImportRow(string path, int line, Func<string, string> cell, ImportedEstate estate, List<ImportProblem> problems)
    {
        void Invalid(string why) => problems.Add(ImportProblem.Of(path, line, 1, ImportDiagnostics.InvalidValue, why));

        var name = cell("VM");
        if (name.Length == 0)
        {
            Invalid($"line {line}: the VM name is empty; the row is skipped");
            return false;
        }

        if (!int.TryParse(cell("CPUs"), NumberStyles.None, CultureInfo.InvariantCulture, out var vcpus) || vcpus is < 1 or > 524_288)
        {
            Invalid($"line {line}: VM `{name}`: CPUs is `{cell("CPUs")}`, not a whole number from 1 to 524,288; the row is skipped");
            return false;
        }

        if (Mebibytes(cell("Memory")) is not { } memory)
        {
            Invalid($"line {line}: VM `{name}`: Memory is `{cell("Memory")}`, not a number of MB up to 1024TiB; the row is skipped");
            return false;
        }

        var hostName = cell("Host");
        var clusterName = cell("Cluster");
        var host = estate.Host("inventory:" + hostName, () => NewHost(estate, hostName, clusterName));
        var guest = new ImportedGuest(GuestKind.Vm, estate.Names.Allocate(name, "vm")) { Vcpus = vcpus, MemoryBytes = memory };
        guest.Comments.Add($"inventory VM \"{name}\" ({Path.GetFileName(path)} line {line})");
        var power = cell("Powerstate");
        if (power.Length > 0 && !power.Equals("poweredOn", StringComparison.OrdinalIgnoreCase))
        {
            guest.Comments.Add($"{power}: holds its configuration but runs nothing now");
            estate.Assume("VMs not powered on are written as configured (a comment marks each): remove those you will not start");
        }

        if (cell("OS") is { Length: > 0 } osText)
        {
            guest.Os = estate.OperatingSystem("inventory:" + osText, () => NewOs(estate, osText)).Name;
        }

        if (Mebibytes(cell("Provisioned")) is { } provisioned && provisioned > 0)
        {
            guest.DiskBytes = provisioned;
        }

        var extra = new List<string>();
        foreach (var (field, label) in new[] { ("InUse", "disk in use MB"), ("NICs", "NICs"), ("Disks", "disks") })
        {
            if (cell(field) is { Length: > 0 } value)
            {
                extra.Add($"{label} {value}");
            }
        }

        if (extra.Count > 0)
        {
            guest.Comments.Add(string.Join(", ", extra));
        }

        host.Guests.Add(guest);
        return true;
    }

    private static ImportedHost NewHost(ImportedEstate estate, string hostName, string clusterName)
    {
        var host = new ImportedHost(estate.Names.Allocate(hostName.Length == 0 ? "unplaced-host" : hostName, "host"), "bare_metal") { Product = "ESXi" };
        host.Comments.Add(hostName.Length == 0 ? "placeholder: VMs whose Host cell is empty" : $"inventory host \"{hostName}\"");
        estate.Assume("hosts are ESXi (bare_metal) as a vInfo export comes from vSphere; their hardware is unknown: add each host's `cpu` block, `memory`, disks and NICs (or a `: HARDWARE` base)");
        if (clusterName.Length > 0)
        {
            var cluster = estate.Cluster(clusterName, () =>
            {
                var created = new ImportedCluster(estate.Names.Allocate(clusterName, "cluster"));
                created.Comments.Add($"inventory cluster \"{clusterName}\"");
                return created;
            });
            cluster.Hosts.Add(host.Name);
        }

        return host;
    }

    private static ImportedOs NewOs(ImportedEstate estate, string text)
    {
        var lower = text.ToLowerInvariant();
        var family = lower.Contains("windows", StringComparison.Ordinal) ? "windows"
            : lower.Contains("solaris", StringComparison.Ordinal) ? "solaris"
            : lower.Contains("bsd", StringComparison.Ordinal) ? "bsd"
            : "linux";
        var os = new ImportedOs(estate.Names.Allocate(lower, "os"), family);
        os.Comments.Add($"inventory OS \"{text}\"");
        estate.Assume("each OS of the inventory is an `os` whose family is guessed from its name: check the family, set version and kernel");
        return os;
    }

    /// <summary>MB as vSphere counts them (MiB), whole or with a fraction; null when not a size up to 1024TiB.</summary>
    private static long? Mebibytes(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiDigit(c) || c == '.') ? MemorySize.Scale(text, MiB) : null;
}
