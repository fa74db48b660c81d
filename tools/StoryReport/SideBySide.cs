using VirtLang.Compiler.Lowering;
using VirtLang.Runtime.Analysis;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Profiles;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.StoryReport;

/// <summary>
/// The side-by-side of examples/README.md, shared with the tests that hold it to the story: the applications of
/// one-app-per-server.vdl, for <see cref="Departments"/> departments, consolidated on its server under each
/// platform; and a CPU-bound against an I/O-heavy application, alone on one server, under each.
/// </summary>
internal static class SideBySide
{
    public const int Departments = 6;

    public const string CpuBound = "cpu-bound";

    public const string IoHeavy = "io-heavy";

    public static IReadOnlyList<PlatformOutcome> Consolidation(LoweredModel oneAppPerServer)
    {
        var apps = oneAppPerServer.Topology.Applications();
        var departments = Enumerable.Range(1, Departments).SelectMany(d => apps.Select(a => Copy(a, $"{a.Name}-{d}"))).ToList();
        return ConsolidationStudy.Compare(departments, Server(oneAppPerServer), Platform.Story, Scenario(oneAppPerServer));
    }

    /// <summary>Four cores each at a steady half: one does no I/O to speak of, the other little else.</summary>
    public static IReadOnlyList<PlatformOutcome> CpuVersusIo(LoweredModel oneAppPerServer)
    {
        ApplicationSpec[] pair =
        [
            new() { Name = CpuBound, Cpu = 4, MemoryBytes = 4L << 30, Io = IoClass.Light, Profile = new ConstantProfile(0.5) },
            new() { Name = IoHeavy, Cpu = 4, MemoryBytes = 4L << 30, Io = IoClass.Heavy, Profile = new ConstantProfile(0.5) },
        ];
        var platforms = Platform.Story.Where(p => p.Kind != HypervisorKind.None).ToList();
        return ConsolidationStudy.Compare(pair, Server(oneAppPerServer), platforms, Scenario(oneAppPerServer) with { Duration = Runtime.Kernel.SimTime.TicksPerDay });
    }

    private static HostSpec Server(LoweredModel model) => model.Topology.Hosts[0];

    private static ScenarioSpec Scenario(LoweredModel model) => ScenarioSpec.FirstOrBaseline(model.Scenarios);

    private static ApplicationSpec Copy(ApplicationSpec app, string name) => new()
    {
        Name = name,
        Cpu = app.Cpu,
        MemoryBytes = app.MemoryBytes,
        Io = app.Io,
        Profile = app.Profile,
        Replicas = app.Replicas,
        CertifiedOs = app.CertifiedOs,
        CertifiedPatch = app.CertifiedPatch,
    };
}
