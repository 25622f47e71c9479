using System.Globalization;

namespace CsmsCluster.Bench.SiteReallocation;

/// <summary>Command-line options (defaults: the S4 scenarios, 200 measured rounds after 20 warm-up rounds).</summary>
public sealed class BenchOptions
{
    public int Rounds { get; private set; } = 200;

    public int WarmUp { get; private set; } = 20;

    public int ConnectorsA { get; private set; } = 200;

    public int SitesB { get; private set; } = 50;

    public int ConnectorsB { get; private set; } = 20;

    /// <summary>"A", "B" or both (null).</summary>
    public string? Only { get; private set; }

    public string? Output { get; private set; }

    public bool BuildServer { get; private set; } = true;

    public bool ServerMetrics { get; private set; } = true;

    /// <summary>The allocation loop's periodic run (see the results file for why it is lengthened).</summary>
    public string Cycle { get; private set; } = "01:00:00";

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int() => int.Parse(Value(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--rounds": options.Rounds = Int(); break;
                case "--warmup": options.WarmUp = Int(); break;
                case "--connectors-a": options.ConnectorsA = Int(); break;
                case "--sites-b": options.SitesB = Int(); break;
                case "--connectors-b": options.ConnectorsB = Int(); break;
                case "--only": options.Only = Value(); break;
                case "--out": options.Output = Path.GetFullPath(Value()); break;
                case "--cycle": options.Cycle = Value(); break;
                case "--no-build": options.BuildServer = false; break;
                case "--no-server-metrics": options.ServerMetrics = false; break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }
        return options;
    }

    public IEnumerable<Scenario> Scenarios()
    {
        if (Only is null or "A")
        {
            yield return new Scenario("A", 1, ConnectorsA, 50, Rounds, WarmUp);
        }
        if (Only is null or "B")
        {
            yield return new Scenario("B", SitesB, ConnectorsB, 200, Rounds, WarmUp);
        }
    }
}
