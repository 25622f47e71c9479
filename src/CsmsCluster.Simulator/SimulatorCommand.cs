using System.CommandLine;
using System.Net;

namespace CsmsCluster.Simulator;

/// <summary>The simulator's command line.</summary>
public static class SimulatorCommand
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand Create()
    {
        var url = new Option<string>("--url") { Description = "OCPP endpoint base; the charger id is appended", DefaultValueFactory = _ => "ws://127.0.0.1:8080/ocpp/" };
        var count = new Option<int>("--chargers", "-n") { Description = "number of chargers", DefaultValueFactory = _ => 1 };
        var prefix = new Option<string>("--prefix") { Description = "charger id prefix", DefaultValueFactory = _ => "SIM" };
        var connectors = new Option<int>("--connectors") { Description = "connectors per charger", DefaultValueFactory = _ => 1 };
        var heartbeat = new Option<int?>("--heartbeat") { Description = "heartbeat interval in s (default: the server's)" };
        var meter = new Option<int>("--meter-interval") { Description = "MeterValues interval in s while charging", DefaultValueFactory = _ => 60 };
        var session = new Option<double>("--session-minutes") { Description = "mean session length in min", DefaultValueFactory = _ => 30 };
        var idle = new Option<double>("--idle-minutes") { Description = "mean idle time between sessions in min", DefaultValueFactory = _ => 15 };
        var noSessions = new Option<bool>("--no-sessions") { Description = "connect and heartbeat only" };
        var idTag = new Option<string>("--id-tag") { Description = "idTag of sessions", DefaultValueFactory = _ => "SIMTAG" };
        var password = new Option<string?>("--password") { Description = "Basic auth password (user = charger id)" };
        var sources = new Option<string[]>("--source") { Description = "local source address(es) to bind, e.g. 127.0.0.2", AllowMultipleArgumentsPerToken = true };
        var spread = new Option<double>("--ramp") { Description = "spread first connections over this many s", DefaultValueFactory = _ => 0 };
        var duration = new Option<double?>("--duration") { Description = "stop after this many s (default: Ctrl+C)" };
        var root = new RootCommand("OCPP 1.6J charger simulator")
        {
            url, count, prefix, connectors, heartbeat, meter, session, idle, noSessions, idTag, password, sources, spread, duration,
        };
        root.SetAction(async (result, cancellationToken) =>
        {
            var options = new SimulatorOptions
            {
                ServerUrl = EnsureTrailingSlash(new Uri(result.GetValue(url)!)),
                ChargerCount = result.GetValue(count),
                IdPrefix = result.GetValue(prefix)!,
                ConnectorsPerCharger = result.GetValue(connectors),
                HeartbeatInterval = result.GetValue(heartbeat) is { } h ? TimeSpan.FromSeconds(h) : null,
                MeterValuesInterval = TimeSpan.FromSeconds(result.GetValue(meter)),
                MeanSessionLength = TimeSpan.FromMinutes(result.GetValue(session)),
                MeanIdleTime = TimeSpan.FromMinutes(result.GetValue(idle)),
                Sessions = !result.GetValue(noSessions),
                IdTag = result.GetValue(idTag)!,
                Password = result.GetValue(password),
                SourceAddresses = [.. (result.GetValue(sources) ?? []).Select(IPAddress.Parse)],
                ConnectSpread = TimeSpan.FromSeconds(result.GetValue(spread)),
            };
            return await RunAsync(options, result.GetValue(duration), cancellationToken);
        });
        return root;
    }

    private static Uri EnsureTrailingSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private static async Task<int> RunAsync(SimulatorOptions options, double? seconds, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (seconds is { } s)
        {
            stop.CancelAfter(TimeSpan.FromSeconds(s));
        }

        await using var fleet = new Fleet(options);
        fleet.Start();
        await ProgressDisplay.RunAsync(fleet, stop.Token);
        await fleet.StopAsync(TimeSpan.FromSeconds(10));
        var stats = fleet.Stats;
        Console.WriteLine($"done: {stats.Connects} connects, {stats.BootsAccepted} boots accepted, {stats.CallsSent} calls, "
            + $"{stats.CallErrors} errors, {stats.CallTimeouts} timeouts, {stats.UnexpectedDisconnects} drops");
        return 0;
    }
}
