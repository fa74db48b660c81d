using System.Globalization;
using System.Text;

namespace VirtLang.Planning.Tests;

/// <summary>
/// Random plan models from a seed: a pool of one kind, applications with mixed sizes and profiles, a fifth of them
/// with a rule (replicas spread over hosts, isolation host, a security zone, a conflict).
/// </summary>
internal static class RandomInstances
{
    public static readonly string[] Kinds = ["none", "os_level", "bare_metal", "hosted"];

    public static string Model(int seed, int apps, string? kind = null, int machines = 40)
    {
        var random = new Random(seed);
        kind ??= Kinds[random.Next(Kinds.Length)];
        var text = new StringBuilder();
        text.AppendLine("// A random plan instance (seed " + seed.ToString(CultureInfo.InvariantCulture) + ").");
        text.AppendLine("os linux {\n  family  = linux\n  version = \"9.2\"\n}\n");
        text.AppendLine("hardware box {\n  cpu {\n    sockets = 1\n    cores   = 16\n  }\n  memory = 64GiB\n  power {\n    idle = 100W\n    max  = 300W\n  }\n}\n");
        for (var a = 0; a < apps; a++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"app a{a} {{");
            if (random.Next(5) == 0)
            {
                switch (random.Next(4))
                {
                    case 0:
                        text.AppendLine(CultureInfo.InvariantCulture, $"  replicas = {2 + random.Next(2)}\n  spread   = host");
                        break;
                    case 1:
                        text.AppendLine("  isolation = host");
                        break;
                    case 2:
                        text.AppendLine(random.Next(2) == 0 ? "  zone = dmz" : "  zone = core");
                        break;
                    default:
                        text.AppendLine(CultureInfo.InvariantCulture, $"  conflicts = [a{(a + 1) % apps}]");
                        break;
                }
            }

            var profile = random.Next(4) switch
            {
                0 => $"constant({20 + random.Next(60)}%)",
                1 => $"diurnal(peak = {50 + random.Next(50)}%, base = {5 + random.Next(20)}%)",
                2 => $"diurnal(peak = {50 + random.Next(50)}%, base = {5 + random.Next(20)}%, peak_at = {random.Next(24)}h)",
                _ => $"weekly(weekday = {40 + random.Next(50)}%, weekend = {5 + random.Next(20)}%)",
            };
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  requires {{\n    os = [linux]\n  }}\n  demand {{\n    cpu     = {1 + random.Next(6)}\n    memory  = {1 + random.Next(12)}GiB\n    profile = {profile}\n  }}\n}}\n");
        }

        var os = kind == "bare_metal" ? string.Empty : "  os       = linux\n";
        text.AppendLine(CultureInfo.InvariantCulture, $"pool rack {{\n  hardware = box\n  count    = {machines}\n{os}  hypervisor {{\n    kind = {kind}\n  }}\n}}\n");
        text.AppendLine("plan p {\n  target = 70%\n}\n");
        text.AppendLine("scenario day {\n  duration = 1d\n  step     = 15m\n  seed     = 1\n}");
        return text.ToString();
    }
}
