using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Server.Health;

/// <summary>
/// What the probe port answers from, kept current by a loop on the thread pool: the loop's last tick (liveness: the
/// pool still runs work) and the last readiness result (the checks tagged <c>ready</c>: cluster joined, storage
/// reachable). The probe thread only reads these, so a probe never waits on the pool or the database.
/// </summary>
internal sealed class HealthState(HealthCheckService checks, IOptions<HealthProbeOptions> options, TimeProvider time) : BackgroundService
{
    private long _tickTicks = time.GetUtcNow().UtcTicks;
    private Readiness _readiness = new(null, false, "not checked yet");

    /// <summary>Liveness at <paramref name="now"/>, and why.</summary>
    public (bool Alive, string Text) LivenessAt(DateTimeOffset now)
    {
        var stalled = now - new DateTimeOffset(Interlocked.Read(ref _tickTicks), TimeSpan.Zero);
        return stalled <= options.Value.LivenessStall
            ? (true, "Healthy")
            : (false, $"Unhealthy: the thread pool has not run the heartbeat for {stalled.TotalSeconds:0} s");
    }

    /// <summary>Readiness at <paramref name="now"/>, and why.</summary>
    public (bool Ready, string Text) ReadinessAt(DateTimeOffset now)
    {
        var snapshot = Volatile.Read(ref _readiness);
        if (snapshot.CheckedAt is not { } at)
        {
            return (false, "Unhealthy: not checked yet");
        }

        return now - at > options.Value.ReadinessMaxAge
            ? (false, $"Unhealthy: the last check is {(now - at).TotalSeconds:0} s old")
            : (snapshot.Ready, snapshot.Ready ? "Healthy" : $"Unhealthy: {snapshot.Detail}");
    }

    // Two loops: a readiness check that hangs (a database that does not answer) must not stop the heartbeat, or an
    // outage of the database would get every pod restarted.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(HeartbeatAsync(stoppingToken), CheckReadinessAsync(stoppingToken));

    private async Task HeartbeatAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, time);
        try
        {
            do
            {
                Interlocked.Exchange(ref _tickTicks, time.GetUtcNow().UtcTicks);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckReadinessAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, time);
        try
        {
            do
            {
                var report = await checks.CheckHealthAsync(c => c.Tags.Contains("ready"), stoppingToken);
                var failed = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key} {e.Value.Status}");
                Volatile.Write(ref _readiness, new Readiness(time.GetUtcNow(), report.Status == HealthStatus.Healthy, string.Join(", ", failed)));
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private sealed record Readiness(DateTimeOffset? CheckedAt, bool Ready, string Detail);
}
