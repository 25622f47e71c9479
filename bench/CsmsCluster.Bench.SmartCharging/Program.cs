using System.Diagnostics;
using System.Globalization;
using CsmsCluster.Bench.SmartCharging;

// Runs every scenario and writes bench/results/smart-charging.md (or the path given with --out).
var output = Path.Combine(RepositoryRoot(), "bench", "results", "smart-charging.md");
var hours = 8.0;
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--out")
    {
        output = Path.GetFullPath(args[i + 1]);
    }
    else if (args[i] == "--hours")
    {
        hours = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
    }
}
var duration = TimeSpan.FromHours(hours);
var results = new List<(SimulationResult Result, double Seconds)>();
foreach (var scenario in new[] { Scenarios.AmpereSite(duration), Scenarios.WattSite(duration), Scenarios.FaultySite(duration) })
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var result = new SiteSimulation(scenario).Run();
    var seconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    results.Add((result, seconds));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{scenario.Name}: utilisation {result.Utilisation:0.000}, fairness {result.Fairness:0.000}, messages/session-hour {result.MessagesPerSessionHour:0.00}, command violations {result.CommandViolationSeconds} s ({seconds:0.0} CPU s)"));
}
// Sensitivity: the same sites with one rule or one EV property changed, to show where the losses come from.
var variants = new List<(string Label, SimulationResult Result)>();
foreach (var site in new[] { Scenarios.AmpereSite(duration), Scenarios.WattSite(duration) })
{
    foreach (var (label, scenario, options) in Scenarios.Variants(site))
    {
        var result = new SiteSimulation(scenario, options).Run();
        variants.Add(($"{site.Name}: {label}", result));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {site.Name}: {label}: utilisation {result.Utilisation:0.000}, fairness {result.Fairness:0.000}, messages/session-hour {result.SteadyMessagesPerSessionHour:0.00}"));
    }
}
var args0 = string.Join(' ', args);
var markdown = ResultsWriter.Write(results, variants, $"dotnet run -c Release --project bench/CsmsCluster.Bench.SmartCharging{(args0.Length > 0 ? " -- " + args0 : "")}", GitCommit());
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
File.WriteAllText(output, markdown);
Console.WriteLine($"Wrote {output}");
return results.Any(r => r.Result.Scenario.TargetsApply && (r.Result.CommandViolationSeconds > 0 || r.Result.BelowMinSeconds > 0)) ? 1 : 0;

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "CsmsCluster.sln")))
        {
            return dir.FullName;
        }
    }
    return Environment.CurrentDirectory;
}

static string GitCommit()
{
    try
    {
        using var git = Process.Start(new ProcessStartInfo("git", "rev-parse HEAD") { RedirectStandardOutput = true, WorkingDirectory = RepositoryRoot() });
        var commit = git!.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return commit.Length > 0 ? commit : "unknown";
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return "unknown";
    }
}
