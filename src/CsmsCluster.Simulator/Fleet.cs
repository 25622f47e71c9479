using System.Diagnostics;

namespace CsmsCluster.Simulator;

/// <summary>
/// A fleet of simulated chargers sharing one timer wheel, one set of HTTP invokers (per source address) and one
/// set of counters. The console tool and the load benchmark both drive it.
/// </summary>
public sealed class Fleet : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly long[] _acceptedAt;
    private readonly SimulatedCharger[] _chargers;
    private Task[] _runs = [];
    private Exception? _lastError;

    /// <summary>Creates the chargers; nothing connects before <see cref="Start"/>.</summary>
    public Fleet(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Invokers = new SourceAddressPool(options.SourceAddresses);
        _acceptedAt = new long[options.ChargerCount];
        _chargers = [.. Enumerable.Range(0, options.ChargerCount).Select(i => new SimulatedCharger(this, i))];
    }

    /// <summary>The fleet's settings.</summary>
    public SimulatorOptions Options { get; }

    /// <summary>The fleet's counters.</summary>
    public FleetStats Stats { get; } = new();

    /// <summary>The chargers, by index.</summary>
    public IReadOnlyList<SimulatedCharger> Chargers => _chargers;

    /// <summary>The last unexpected exception inside a charger, if any (for diagnostics).</summary>
    public Exception? LastError => Volatile.Read(ref _lastError);

    internal TimerWheel Wheel { get; } = new();

    internal SourceAddressPool Invokers { get; }

    /// <summary>Starts every charger, spreading first connections over <see cref="SimulatorOptions.ConnectSpread"/>.</summary>
    public void Start()
    {
        var spread = Options.ConnectSpread.TotalSeconds;
        _runs = [.. _chargers.Select(c => c.RunAsync(TimeSpan.FromSeconds(Random.Shared.NextDouble() * spread), _stop.Token))];
    }

    /// <summary>Chargers whose BootNotification was accepted at or after <paramref name="sinceTimestamp"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public int AcceptedSince(long sinceTimestamp, long untilTimestamp = long.MaxValue) =>
        _acceptedAt.Count(t => t >= sinceTimestamp && t <= untilTimestamp);

    /// <summary>Chargers that are connected with an accepted boot now.</summary>
    public int AcceptedNow() => _chargers.Count(c => c.IsConnected && c.BootAccepted);

    /// <summary>Aborts every socket at once; each charger reconnects after a uniform delay within <paramref name="spread"/>.</summary>
    public void DropAll(TimeSpan spread)
    {
        foreach (var charger in _chargers)
        {
            charger.Drop(spread);
        }
    }

    internal void RecordAccepted(int index) => Volatile.Write(ref _acceptedAt[index], Stopwatch.GetTimestamp());

    internal void ReportError(Exception error) => Volatile.Write(ref _lastError, error);

    /// <summary>Closes every socket normally (waiting up to <paramref name="timeout"/>) and stops all chargers.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        var closing = Task.WhenAll(_chargers.Select(c => c.CloseAsync()));
        var all = Task.WhenAll(_runs);
        await Task.WhenAny(Task.WhenAll(closing, all), Task.Delay(timeout));
        await _stop.CancelAsync();
        await all;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync(TimeSpan.FromSeconds(5));
        }

        await Wheel.DisposeAsync();
        Invokers.Dispose();
        _stop.Dispose();
    }
}
