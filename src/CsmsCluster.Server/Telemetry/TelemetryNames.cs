namespace CsmsCluster.Server.Telemetry;

/// <summary>The ActivitySources and Meters exported, by name (the project's own by prefix).</summary>
internal static class TelemetryNames
{
    /// <summary>
    /// Spans: the project's sources (<c>CsmsCluster.Gateway</c>, <c>CsmsCluster.Grains</c>,
    /// <c>CsmsCluster.Persistence</c> and any later <c>CsmsCluster.*</c>), ASP.NET Core's request spans, outgoing
    /// HTTP and Npgsql commands.
    /// </summary>
    public static readonly string[] Sources =
    [
        "CsmsCluster.*",
        "Microsoft.AspNetCore",
        "System.Net.Http",
        "Npgsql",
    ];

    /// <summary>Meters: the project's, ASP.NET Core's, HttpClient's, the .NET runtime's and Npgsql's.</summary>
    public static readonly string[] Meters =
    [
        "CsmsCluster.*",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "System.Net.Http",
        "System.Runtime",
        "Npgsql",
    ];

    /// <summary>Bucket boundaries (seconds) for the project's duration histograms that give no advice of their own.</summary>
    public static readonly double[] SecondsBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
}
