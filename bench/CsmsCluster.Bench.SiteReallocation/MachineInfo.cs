using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CsmsCluster.Bench.SiteReallocation;

/// <summary>What the results file records about the machine and the checkout.</summary>
public static class MachineInfo
{
    public static string Cpu() => Field("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();

    public static string Memory() => Field("/proc/meminfo", "MemTotal") is { } total
        ? $"{double.Parse(total.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024 / 1024:0.0} GiB"
        : "unknown";

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static string Os() => $"{RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";

    public static string Commit(string root)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse HEAD") { RedirectStandardOutput = true, WorkingDirectory = root })!;
            var commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return commit.Length > 0 ? commit : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    private static string? Field(string path, string name) => File.Exists(path)
        ? File.ReadLines(path).Where(l => l.StartsWith(name, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault()
        : null;
}
