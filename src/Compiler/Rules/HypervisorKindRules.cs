using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Symbols;
using VirtLang.Runtime.Model;

namespace VirtLang.Compiler.Rules;

/// <summary>
/// VDL1016 and VDL1017: attributes that a host's hypervisor kind rules out or requires. No host OS under a
/// bare-metal or paravirtual hypervisor (it runs on the hardware); a privileged guest only under paravirtual; nothing
/// to accelerate without a virtual CPU, and no guest memory to share or balloon; an OS-level host, or a bare host running applications, needs its OS.
/// VDL1047 too, checked here because it walks the same hosts: a guest declared inside a counted host.
/// </summary>
internal sealed class HypervisorKindRules : IRuleFamily
{
    public string Name => "hypervisor-kind";

    public void Check(RuleContext context)
    {
        foreach (var host in context.Model.Hosts)
        {
            var kind = host.HypervisorKind;
            var kindName = ModelNames.ToName(kind);
            if (kind is HypervisorKind.BareMetal or HypervisorKind.Paravirtual)
            {
                foreach (var attribute in new[] { "os", "patch", "runs" })
                {
                    if (host.View.Find(attribute) is not null)
                    {
                        var why = attribute == "runs"
                            ? "applications need an OS; run them in a guest"
                            : kind == HypervisorKind.Paravirtual ? "the OS belongs to the privileged guest and the others" : "give the OS and patch level to the guests";
                        context.Report(CompilerDiagnostics.NotValidForKind, host.View.WhereName(attribute),
                            [attribute, $"on host `{host.Name}` ", kindName, $"it runs on the bare hardware, with no host OS; {why}"]);
                    }
                }
            }

            if (kind is HypervisorKind.None or HypervisorKind.OsLevel && host.AccelerationWritten)
            {
                context.Report(CompilerDiagnostics.NotValidForKind, host.View.Child("hypervisor").WhereName("acceleration"),
                    ["acceleration", string.Empty, kindName, $"{(kind == HypervisorKind.None ? "there is no hypervisor" : "containers run natively on the host's kernel")}, so there is no virtual CPU to accelerate"]);
            }

            if (kind is HypervisorKind.None or HypervisorKind.OsLevel)
            {
                foreach (var attribute in new[] { "page_sharing", "ballooning" })
                {
                    if (host.View.Child("hypervisor").Find(attribute) is not null)
                    {
                        context.Report(CompilerDiagnostics.NotValidForKind, host.View.Child("hypervisor").WhereName(attribute),
                            [attribute, string.Empty, kindName, kind == HypervisorKind.None ? "there is no hypervisor" : "containers share the host's one kernel, which already shares their pages and has no balloon to inflate"]);
                    }
                }
            }

            if (host.Os is null && host.View.Find("os") is null)
            {
                if (kind == HypervisorKind.OsLevel)
                {
                    context.Report(CompilerDiagnostics.RequiredByKind, host.Declaration, [$"host `{host.Name}`", "os", kindName, "its containers share the host's kernel and userland base"]);
                }
                else if (kind == HypervisorKind.None && host.Runs.Count > 0)
                {
                    context.Report(CompilerDiagnostics.RequiredByKind, host.Declaration, [$"host `{host.Name}`", "os", kindName, "its applications run on the host's OS"]);
                }
            }

            foreach (var guest in host.Guests)
            {
                if (guest.Privileged && kind != HypervisorKind.Paravirtual)
                {
                    context.Report(CompilerDiagnostics.NotValidForKind, guest.View.WhereName("privileged"),
                        ["privileged", $"on vm `{guest.Name}` ", kindName, "only a paravirtual host has a privileged guest that owns the drivers"]);
                }

                if (host.Copies > 1)
                {
                    context.Report(CompilerDiagnostics.GuestInCountedHost, guest.Declaration, [guest.Kind, guest.Name, host.Name, host.Copies]);
                }
            }
        }
    }
}
