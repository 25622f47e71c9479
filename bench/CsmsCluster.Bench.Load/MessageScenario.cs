namespace CsmsCluster.Bench.Load;

/// <summary>S2: interleaved rounds (CSMS, echo, ocpp-rpc) of open-loop MeterValues, a fresh fleet per round.</summary>
public static class MessageScenario
{
    public static async Task<List<LoadResult>> RunAsync(IReadOnlyList<TargetProcess> targets, BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<LoadResult>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var target in targets)
            {
                var (fleet, _) = await Fleets.ConnectAsync(target, options, $"S2{target.Kind}");
                await using (fleet)
                {
                    await Task.Delay(TimeSpan.FromSeconds(2));
                    await OpenLoopDriver.RunAsync(fleet, target, round, options.Rate, options.Warmup);
                    var result = await OpenLoopDriver.RunAsync(fleet, target, round, options.Rate, options.RoundWindow);
                    if (target.Metrics is { } metrics)
                    {
                        // The last second's export arrives up to one interval later.
                        await Task.Delay(TimeSpan.FromSeconds(2.5));
                        result = result with { Server = ServerFigures.Read(metrics, "MeterValues", result.Window.From, result.Window.To) };
                    }
                    Console.WriteLine($"S2 round {round} {target.Kind}: {result.Answered}/{result.Sent} answered, {result.Errors} errors, "
                        + $"{result.CpuMicrosPerMessage:0.0} µs CPU/msg, p50 {result.Percentile(0.5):0.00} ms, p99 {result.Percentile(0.99):0.00} ms");
                    results.Add(result);
                    await fleet.StopAsync(TimeSpan.FromSeconds(30));
                }
            }
        }

        return results;
    }
}
