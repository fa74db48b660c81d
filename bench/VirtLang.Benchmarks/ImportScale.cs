using System.Diagnostics;
using System.Globalization;
using System.Text;
using VirtLang.Import;
using VirtLang.Import.Inventory;
using VirtLang.Import.Libvirt;
using VirtLang.Import.Model;
using VirtLang.Import.Sources;
using VirtLang.Import.Writing;

namespace VirtLang.Benchmarks;

/// <summary>
/// <c>import-scale [libvirt|inventory] [count]</c>: `vdl import` on 10,000 generated domain XML files and on a
/// 10,000-row vInfo inventory, in a temporary folder: the time to read every file into the estate, the time to write
/// the model (through the parser and formatter), the managed heap after it and the process's peak working set. Run one
/// source alone for a peak of its own.
/// </summary>
public static class ImportScale
{
    private static readonly string[] Types = ["kvm", "kvm", "kvm", "qemu", "xen", "lxc"];

    public static int Run(string[] args)
    {
        var which = args.Length > 0 ? args[0] : "both";
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var folder = Directory.CreateTempSubdirectory("vdl-import-scale-").FullName;
        try
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import-scale: {count:N0} per source, {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}"));
            if (which is "both" or "libvirt")
            {
                var domains = Directory.CreateDirectory(Path.Combine(folder, "domains")).FullName;
                for (var i = 0; i < count; i++)
                {
                    File.WriteAllText(Path.Combine(domains, $"vm-{i:D5}.xml"), Domain(i));
                }

                Measure("libvirt", (estate, problems) =>
                {
                    foreach (var path in ImportFileList.Expand([domains], ".xml", problems))
                    {
                        LibvirtDomainImporter.Import(path, estate, problems);
                    }
                });
            }

            if (which is "both" or "inventory")
            {
                var csv = Path.Combine(folder, "vinfo.csv");
                File.WriteAllText(csv, Inventory(count), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
                Measure("inventory", (estate, problems) => InventoryCsvImporter.Import(csv, InventoryColumns.Default, estate, problems));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Measure(string source, Action<ImportedEstate, List<ImportProblem>> import)
    {
        GC.Collect();
        var estate = new ImportedEstate();
        var problems = new List<ImportProblem>();
        var watch = Stopwatch.StartNew();
        import(estate, problems);
        var read = watch.Elapsed;
        watch.Restart();
        var model = VdlModelWriter.Write(estate, $"import-scale {source}");
        var write = watch.Elapsed;
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{source}: {estate.GuestCount:N0} guests on {estate.Hosts.Count} hosts, {problems.Count} problems; read {read.TotalSeconds:F2} s, write (parse + format) {write.TotalSeconds:F2} s, total {(read + write).TotalSeconds:F2} s; model {model.Length / 1e6:F1} MB; managed heap {heap / 1e6:F0} MB, peak working set {process.PeakWorkingSet64 / 1e6:F0} MB"));
        GC.KeepAlive(model);
    }

    private static string Domain(int i)
    {
        var type = Types[i % Types.Length];
        var osType = type switch { "xen" => i % 2 == 0 ? "linux" : "hvm", "lxc" => "exe", _ => "hvm" };
        return string.Create(CultureInfo.InvariantCulture, $"""
            <domain type='{type}'>
              <name>guest-{i}.example</name>
              <uuid>00000000-0000-0000-0000-{i:D12}</uuid>
              <memory unit='MiB'>{1024 * (1 + (i % 16))}</memory>
              <currentMemory unit='MiB'>{1024 * (1 + (i % 16))}</currentMemory>
              <vcpu placement='static'>{1 + (i % 8)}</vcpu>
              <os><type arch='x86_64' machine='pc-q35-8.2'>{osType}</type><boot dev='hd'/></os>
              <features><acpi/><apic/></features>
              <cpu mode='host-model'><topology sockets='1' cores='{1 + (i % 8)}' threads='1'/></cpu>
              <devices>
                <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/var/lib/libvirt/images/g{i}.qcow2'/><target dev='vda' bus='virtio'/></disk>
                <interface type='network'><source network='default'/><model type='virtio'/></interface>
                <console type='pty'/>
              </devices>
            </domain>
            """);
    }

    private static string Inventory(int rows)
    {
        var text = new StringBuilder("VM,Powerstate,CPUs,Memory,Host,Cluster,OS according to the configuration file,Provisioned MB,In Use MB,NICs,Disks\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"vm-{i:D5},{(i % 10 == 0 ? "poweredOff" : "poweredOn")},{1 + (i % 8)},{1024 * (1 + (i % 16))},esx{i / 40:D3}.example.com,cluster-{i / 400:D2},\"Red Hat Enterprise Linux {7 + (i % 3)} (64-bit)\",{40960 + i},{20480},1,1\n");
        }

        return text.ToString();
    }
}
