using System.Globalization;
using System.Text;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Import.Model;
using VirtLang.Import.Sources;

namespace VirtLang.Import.Compose;

/// <summary>
/// `vdl import compose`: each service becomes an application (`isolation = container`, `replicas` from
/// `deploy.replicas` or `scale`, a demand from the resources it reserves or is limited to) and a container that runs it
/// on one placeholder os_level host (`memory_limit` from the memory limit, `cpu_shares`, `count` = replicas). Image,
/// `depends_on`, profiles and whatever has no VDL counterpart are comments at the application. `extends` within the
/// file is merged as Compose merges it (the service's own keys win); from another file, or a variable without a
/// default, is a VDL6012 warning and the value is left out.
/// </summary>
public static class ComposeImporter
{
    /// <summary>Service keys read into the model; the others are listed as not modelled.</summary>
    private static readonly HashSet<string> Read = new(StringComparer.Ordinal)
    {
        "image", "build", "cpus", "cpu_shares", "mem_limit", "mem_reservation", "deploy", "scale", "depends_on", "profiles", "extends", "container_name",
    };

    /// <summary>A chain of `extends` longer than this is a cycle or a mistake.</summary>
    private const int MaxExtendsChain = 16;

    public static void Import(string path, ImportedEstate estate, List<ImportProblem> problems)
    {
        if (ImportSourceReader.TryReadAll(path, ImportLimits.MaxDocumentBytes, problems) is not { } bytes)
        {
            return;
        }

        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetString(bytes).TrimStart('\uFEFF');
        if (BoundedYamlLoader.Load(path, text, problems) is not { } root)
        {
            return;
        }

        if (root.Kind != YamlNodeKind.Mapping || root["services"] is not { Kind: YamlNodeKind.Mapping } services)
        {
            problems.Add(ImportProblem.Of(path, root.Line, root.Column, ImportDiagnostics.NotAComposeFile, "the file has no `services` mapping"));
            return;
        }

        foreach (var (name, service) in services.Entries)
        {
            if (service.Kind != YamlNodeKind.Mapping)
            {
                problems.Add(ImportProblem.Of(path, service.Line, service.Column, ImportDiagnostics.NotAComposeFile, $"service `{name}` is not a mapping"));
                return;
            }
        }

        var host = estate.Host("compose:" + path, () => PlaceholderHost(estate, path));
        var topLevel = root.Entries.Select(e => e.Key).Where(k => k is not "services" and not "version" and not "name" && !k.StartsWith("x-", StringComparison.Ordinal)).ToList();
        if (topLevel.Count > 0)
        {
            host.Comments.Add($"not modelled from {Path.GetFileName(path)}: " + string.Join(", ", topLevel));
        }

        foreach (var (name, declared) in services.Entries)
        {
            var service = Extended(path, name, declared, services, problems);
            ImportService(path, name, service, host, estate, problems);
        }
    }

    private static ImportedHost PlaceholderHost(ImportedEstate estate, string path)
    {
        var os = estate.OperatingSystem("compose:host-os", () => new ImportedOs(estate.Names.Allocate("container-host-os", "os"), "linux"));
        estate.Assume($"os {os.Name} is a placeholder for the container host's Linux (the services' images share its kernel): set its version and kernel");
        var host = new ImportedHost(estate.Names.Allocate(Path.GetFileNameWithoutExtension(path) + "-host", "host"), "os_level") { Os = os.Name, Product = "docker" };
        host.Comments.Add($"placeholder: the machine {Path.GetFileName(path)} is deployed on; Compose does not describe it");
        estate.Assume($"host {host.Name} is a placeholder for the Docker host: add its `cpu` block, `memory`, disks and NICs (or a `: HARDWARE` base); every replica stands on it, so vdl check warns that a replicated app has them all on one host (VDL4006) until you spread them over the real hosts");
        return host;
    }

    /// <summary>The service with what it `extends` in the same file merged under it, as Compose merges it (one level: its own keys win).</summary>
    private static YamlNode Extended(string path, string name, YamlNode service, YamlNode services, List<ImportProblem> problems)
    {
        var merged = service;
        var seen = new HashSet<string>(StringComparer.Ordinal) { name };
        for (var depth = 0; merged["extends"] is { } extends && depth < MaxExtendsChain; depth++)
        {
            var baseName = extends.Kind == YamlNodeKind.Scalar ? extends.Scalar : extends["service"]?.Scalar;
            if (extends["file"] is { } file)
            {
                problems.Add(ImportProblem.Of(path, file.Line, file.Column, ImportDiagnostics.ComposeFeatureNotImported,
                    $"service `{name}` extends `{baseName}` from {file.Scalar}: another file is not read; what it adds is left out"));
                break;
            }

            if (baseName is null || !seen.Add(baseName) || services[baseName] is not { Kind: YamlNodeKind.Mapping } baseService)
            {
                problems.Add(ImportProblem.Of(path, extends.Line, extends.Column, ImportDiagnostics.ComposeFeatureNotImported,
                    $"service `{name}` extends `{baseName}`, which is not a service of this file (or extends it back); what it adds is left out"));
                break;
            }

            var next = YamlNode.NewMapping(merged.Line, merged.Column);
            next.Entries.AddRange(merged.Entries.Where(e => e.Key != "extends"));
            var own = new HashSet<string>(merged.Entries.Select(e => e.Key), StringComparer.Ordinal);
            next.Entries.AddRange(baseService.Entries.Where(e => own.Add(e.Key)));
            merged = next;
        }

        return merged;
    }

    private static void ImportService(string path, string serviceName, YamlNode service, ImportedHost host, ImportedEstate estate, List<ImportProblem> problems)
    {
        var reader = new ServiceReader(path, serviceName, problems);
        var deploy = service["deploy"];
        var limits = deploy?["resources"]?["limits"];
        var reservations = deploy?["resources"]?["reservations"];
        var replicas = reader.WholeNumber(deploy?["replicas"]) ?? reader.WholeNumber(service["scale"]);
        var limitCpus = reader.Number(limits?["cpus"]) ?? reader.Number(service["cpus"]);
        var reservedCpus = reader.Number(reservations?["cpus"]);
        var limitMemory = reader.Memory(limits?["memory"]) ?? reader.Memory(service["mem_limit"]);
        var reservedMemory = reader.Memory(reservations?["memory"]) ?? reader.Memory(service["mem_reservation"]);
        var cpuShares = reader.Number(service["cpu_shares"]);

        var app = new ImportedApp(estate.Names.Allocate(serviceName, "app")) { Isolation = "container" };
        app.Comments.Add($"compose service \"{serviceName}\" from {Path.GetFileName(path)}");
        if (reader.Text(service["image"]) is { } image)
        {
            app.Comments.Add($"image {image}");
        }
        else if (service["build"] is not null)
        {
            app.Comments.Add("built from source (build:), no image named");
        }

        if (service["depends_on"] is { } dependsOn)
        {
            var names = dependsOn.Kind == YamlNodeKind.Mapping ? dependsOn.Entries.Select(e => e.Key) : dependsOn.Items.Select(i => i.Scalar ?? "?");
            app.Comments.Add("depends_on: " + string.Join(", ", names));
        }

        if (service["profiles"] is { Kind: YamlNodeKind.Sequence } profiles)
        {
            var listed = string.Join(", ", profiles.Items.Select(i => i.Scalar ?? "?"));
            app.Comments.Add($"profiles: {listed} (Compose starts it only with one of them; imported as if enabled)");
            estate.Assume($"app {app.Name} is started by Compose only with the profile(s) {listed}: remove it (and its container) if you do not enable them");
        }

        var unread = service.Entries.Select(e => e.Key).Where(k => !Read.Contains(k) && !k.StartsWith("x-", StringComparison.Ordinal)).ToList();
        if (unread.Count > 0)
        {
            app.Comments.Add("not modelled: " + string.Join(", ", unread));
        }

        if (replicas is { } r and >= 1)
        {
            app.Replicas = r;
        }

        app.DemandCpu = reservedCpus ?? limitCpus;
        app.DemandMemoryBytes = reservedMemory ?? limitMemory;
        if (app.DemandCpu is null && app.DemandMemoryBytes is null)
        {
            estate.Assume($"app {app.Name} has no CPU or memory figure in the Compose file: add its `demand` (cpu, memory, io, profile)");
        }
        else
        {
            estate.Assume($"the demand of app {app.Name} is its reservation, or else its limit, used in full: set its `profile` and `io`");
        }

        app.RequiresOs.Add(host.Os!);
        estate.Assume($"app {app.Name} requires the placeholder os {host.Os}: put its certified platforms in `requires`");
        estate.Apps.Add(app);
        if (replicas == 0)
        {
            app.Comments.Add("deploy.replicas = 0: not running, so no container is written");
            return;
        }

        var count = replicas is { } n and > 1 ? n : (int?)null;
        var container = new ImportedGuest(GuestKind.Container, estate.Names.Allocate(serviceName + "-container", "container", count ?? 0))
        {
            MemoryLimitBytes = limitMemory,
            CpuShares = cpuShares,
            Count = count,
        };
        container.Comments.Add($"compose service \"{serviceName}\"" + (limitCpus is { } cpus ? $", limited to {VirtLang.Import.Writing.VdlText.Number(cpus)} CPUs" : string.Empty));
        container.Runs.Add(app.Name);
        host.Guests.Add(container);
    }

    /// <summary>Reads one service's values, interpolated, reporting what cannot be read as VDL6012 (the value left out).</summary>
    private sealed class ServiceReader(string path, string service, List<ImportProblem> problems)
    {
        public string? Text(YamlNode? node)
        {
            if (node is null || node.IsNull)
            {
                return null;
            }

            if (node.Kind != YamlNodeKind.Scalar)
            {
                Warn(node, "is not a single value");
                return null;
            }

            var value = ComposeInterpolation.Resolve(node.Scalar!, out var unresolved);
            if (value is null)
            {
                Warn(node, $"uses {unresolved}, which has no default, and the environment is not read");
            }

            return value;
        }

        public double? Number(YamlNode? node) =>
            Text(node) is { } text ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value is >= 0 and <= 1_000_000
                ? value : Warn<double>(node!, $"is `{text}`, not a number from 0 to 1,000,000") : null;

        public int? WholeNumber(YamlNode? node) =>
            Text(node) is { } text ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 100_000
                ? value : Warn<int>(node!, $"is `{text}`, not a whole number from 0 to 100,000") : null;

        public long? Memory(YamlNode? node) =>
            Text(node) is { } text ? MemorySize.ParseCompose(text) is { } bytes ? bytes : Warn<long>(node!, $"is `{text}`, not a size (a number with b, k, m or g) up to 1024TiB") : null;

        private T? Warn<T>(YamlNode node, string what)
            where T : struct
        {
            Warn(node, what);
            return null;
        }

        private void Warn(YamlNode node, string what) =>
            problems.Add(ImportProblem.Of(path, node.Line, node.Column, ImportDiagnostics.ComposeFeatureNotImported, $"service `{service}`: the value at this place {what}; it is left out"));
    }
}
