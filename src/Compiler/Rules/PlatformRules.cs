using VirtLang.Compiler.Binding;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Symbols;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Literals;
using VirtLang.Language.Syntax;
using VirtLang.Language.Text;
using VirtLang.Runtime.Model;

namespace VirtLang.Compiler.Rules;

/// <summary>
/// VDL3xxx: applications on certified platforms and patch levels; containers on their host's kernel; what each
/// hypervisor kind needs of the guests, the CPU and the drivers.
/// </summary>
internal sealed class PlatformRules : IRuleFamily
{
    public string Name => "platform";

    public void Check(RuleContext context)
    {
        foreach (var placement in context.Placements)
        {
            CheckCertification(context, placement);
        }

        foreach (var host in context.Model.Hosts)
        {
            CheckContainers(context, host);
            CheckGuestKinds(context, host);
            CheckHypervisor(context, host);
        }
    }

    private void CheckCertification(RuleContext context, Placement placement)
    {
        var app = placement.App;
        var os = placement.Guest?.Os ?? placement.Host.Os;
        if (app.CertifiedOs.Count > 0 && os is not null && !app.CertifiedOs.Contains(os.Name))
        {
            var runs = placement.Guest is { IsContainer: true } ? $"{placement.Display}, on its host's `{os.Name}`," : placement.Display;
            context.Report(CompilerDiagnostics.UncertifiedOs, placement.Entry, [app.Name, Amounts.Names(app.CertifiedOs), runs, $"`{os.Name}`"],
                new RelatedLocation(app.View.Child("requires").Where("os"), $"the certified platforms of `{app.Name}`"));
        }

        if (app.CertifiedPatch is not { } constraint)
        {
            return;
        }

        RelatedLocation Related() => new(app.View.Child("requires").Where("patch"), $"the certified patch levels of `{app.Name}`");
        if (placement.Guest is { IsContainer: true } container)
        {
            // One kernel, one patch level: the container's is its host's, so the fix is at the host's `patch`.
            var hostPatch = placement.Host.Patch;
            if (!Satisfies(constraint, placement.Host.PatchVersion))
            {
                context.Report(CompilerDiagnostics.HostPatchBreaksContainerApp, placement.Host.Where("patch"),
                    [placement.Host.Name, hostPatch is null ? "none (the OS at its base release)" : $"\"{hostPatch}\"", container.Name, app.Name, $"\"{constraint.Text}\""],
                    Related(), new RelatedLocation(placement.Entry, $"`{app.Name}` runs in container `{container.Name}`"));
            }

            return;
        }

        var (patch, version) = placement.Guest is { Patch: { } own } guest ? (own, guest.PatchVersion) : (placement.Host.Patch, placement.Host.PatchVersion);
        if (!Satisfies(constraint, version))
        {
            var found = patch is null ? "has no patch level (the OS at its base release satisfies no constraint)" : $"is at \"{patch}\"";
            context.Report(CompilerDiagnostics.UncertifiedPatch, placement.Entry, [app.Name, $"\"{constraint.Text}\"", placement.Display, found],
                Related(), new RelatedLocation(placement.Place.Where("patch"), $"the patch level of `{placement.Place.Name}`"));
        }
    }

    // The level as parsed with its tree: none, or a malformed one (reported by the parser), satisfies nothing.
    private static bool Satisfies(VersionConstraint constraint, Language.Literals.Version? level) =>
        level is not null && constraint.IsSatisfiedBy(level);

    private static void CheckContainers(RuleContext context, HostSymbol host)
    {
        foreach (var container in host.Guests.Where(g => g.IsContainer))
        {
            if (container.OwnOs is { } os && !ReferenceEquals(os, host.Os))
            {
                context.Report(CompilerDiagnostics.ContainerPlatform, container.Where("os"),
                    [container.Name, "os", os.Name, host.Name, host.Os is null ? "no os" : $"os `{host.Os.Name}`"]);
            }

            if (container.OwnPatch is { } patch && (host.Patch is null || Compare(patch, host.Patch) != 0))
            {
                context.Report(CompilerDiagnostics.ContainerPlatform, container.Where("patch"),
                    [container.Name, "patch", patch, host.Name, host.Patch is null ? "no patch level" : $"patch \"{host.Patch}\""]);
            }
        }
    }

    private static int Compare(string a, string b) => PatchLevel.Compare(a, b);

    private static void CheckGuestKinds(RuleContext context, HostSymbol host)
    {
        var kind = host.HypervisorKind;
        foreach (var guest in host.Guests)
        {
            var why = (guest.IsVm, kind) switch
            {
                (true, HypervisorKind.None) => "without a hypervisor there are no VMs; add a `hypervisor` block",
                (true, HypervisorKind.OsLevel) => "an OS-level host runs containers on its one kernel, not VMs",
                (false, HypervisorKind.None) => "containers need an OS-level hypervisor (`kind = os_level`)",
                (false, HypervisorKind.Hosted or HypervisorKind.BareMetal or HypervisorKind.Paravirtual) => "this hypervisor runs VMs; containers need `kind = os_level` (or run them inside a VM's own host)",
                _ => null,
            };
            if (why is not null)
            {
                context.Report(CompilerDiagnostics.GuestKindForHypervisor, new Location(guest.File.Tree.Text, guest.Syntax.KindToken.Span),
                    [$"{guest.Kind} `{guest.Name}`", host.Name, ModelNames.ToName(kind), why],
                    kind == HypervisorKind.None && HypervisorFix(host, guest.IsVm ? "bare_metal" : "os_level") is { } fix ? [fix] : []);
            }
        }
    }

    /// <summary>
    /// For a guest on a host without a hypervisor: the hypervisor its kind needs (<c>bare_metal</c> for a VM,
    /// <c>os_level</c> for a container), as a <c>hypervisor</c> block first in the host, or as the value of a
    /// <c>kind = none</c> the host writes itself. None when the hypervisor block comes from elsewhere (a base, which
    /// is an error of its own) or lacks its <c>kind</c> (VDL1011 adds it): there the right edit is not obvious.
    /// </summary>
    private static DiagnosticFix? HypervisorFix(HostSymbol host, string kind)
    {
        var text = host.File.Tree.Text;
        var block = host.Syntax;
        var own = block.Blocks.FirstOrDefault(b => b.KindName == "hypervisor");
        if (own is not null)
        {
            return own.Attributes.FirstOrDefault(a => a.Name.TextEquals("kind")) is { ValueView.Span.Length: > 0 } written
                ? DiagnosticFix.Replace($"Make the hypervisor of `{host.Name}` `{kind}`", new Location(text, written.ValueView.Span), kind)
                : null;
        }

        if (!host.View.Child("hypervisor").IsEmpty || block.OpenBrace.IsMissing)
        {
            return null;
        }

        var newline = text.DominantLineBreak;
        var indent = new string(' ', text.GetLinePosition(block.KindToken.Span.Start).Column - 1 + 2);
        return new DiagnosticFix(
            $"Add a hypervisor of kind `{kind}` to `{host.Name}`",
            [new TextEdit(new Location(text, new TextSpan(block.OpenBrace.Span.End, 0)), $"{newline}{indent}hypervisor {{{newline}{indent}  kind = {kind}{newline}{indent}}}")]);
    }

    private static void CheckHypervisor(RuleContext context, HostSymbol host)
    {
        // Where `kind` is written is found only for a message that needs it (its span is a walk of the syntax).
        var hypervisor = host.View.Child("hypervisor");
        switch (host.HypervisorKind)
        {
            case HypervisorKind.Hosted when host.Os is null && host.View.Find("os") is null:
                context.Report(CompilerDiagnostics.HostedWithoutOs, hypervisor.Where("kind"), [host.Name]);
                break;
            case HypervisorKind.Paravirtual:
                CheckParavirtual(context, host, hypervisor.Where("kind"));
                break;
            case HypervisorKind.BareMetal:
                CheckBareMetalDrivers(context, host, hypervisor);
                break;
        }

        if (host.HypervisorKind is HypervisorKind.Hosted or HypervisorKind.BareMetal or HypervisorKind.Paravirtual
            && host.AccelerationWritten && host.Acceleration == Acceleration.Hardware && !host.Cpu.HasHardwareAssist)
        {
            var features = host.Features == CpuFeatures.None ? "no virtualization features" : $"only {ModelNames.ToNames(host.Features)}";
            context.Report(CompilerDiagnostics.NoHardwareAssist, hypervisor.Where("acceleration"), [host.Name, features],
                new RelatedLocation(host.View.Child("cpu").Where("features"), $"the CPU features of `{host.Name}`"));
        }
    }

    // Apart from CheckHypervisor: its lambda captures the host, which made a closure for every host checked.
    private static void CheckBareMetalDrivers(RuleContext context, HostSymbol host, BlockView hypervisor)
    {
        foreach (var device in host.Disks.Concat(host.Nics).Where(d => d.Driver is not null && !host.HypervisorDrivers.Contains(d.Driver)))
        {
            context.Report(CompilerDiagnostics.BareMetalDriver, hypervisor.Where("drivers"),
                [host.Name, device.Driver!, device.Kind, device.Name, host.HypervisorDrivers.Count == 0 ? "none" : string.Join(", ", host.HypervisorDrivers.Select(d => $"\"{d}\""))],
                new RelatedLocation(device.Declaration, $"{device.Kind} `{device.Name}` uses \"{device.Driver}\""));
        }
    }

    private static void CheckParavirtual(RuleContext context, HostSymbol host, Location kindAt)
    {
        var privileged = host.Guests.Where(g => g.IsVm && g.Privileged).ToList();
        if (privileged.Count != 1)
        {
            var what = privileged.Count == 0 ? "has no privileged guest" : $"has {privileged.Count} privileged guests ({Amounts.Names(privileged.Select(p => p.Name))})";
            context.Report(CompilerDiagnostics.PrivilegedGuests, kindAt, [host.Name, what],
                [.. privileged.Select(p => new RelatedLocation(p.Where("privileged"), $"`{p.Name}` is privileged"))]);
        }

        foreach (var guest in host.Guests.Where(g => g.IsVm))
        {
            if (!guest.Privileged && guest.Os is { Paravirt: false } os)
            {
                context.Report(CompilerDiagnostics.NotParavirtualOs, guest.Where("os"), [guest.Name, os.Name, host.Name],
                    new RelatedLocation(os.Declaration, $"os `{os.Name}`"));
            }
        }

        if (privileged.Count == 1 && privileged[0].Os is { } dom0Os)
        {
            foreach (var device in host.Disks.Concat(host.Nics).Where(d => d.Driver is not null && !dom0Os.Drivers.Contains(d.Driver)))
            {
                context.Report(CompilerDiagnostics.PrivilegedDriver, privileged[0].Where("os"),
                    [privileged[0].Name, dom0Os.Name, device.Driver!, device.Kind, device.Name, host.Name],
                    new RelatedLocation(device.Declaration, $"{device.Kind} `{device.Name}` uses \"{device.Driver}\""),
                    new RelatedLocation(dom0Os.Where("drivers"), $"the drivers of `{dom0Os.Name}`"));
            }
        }
    }
}
