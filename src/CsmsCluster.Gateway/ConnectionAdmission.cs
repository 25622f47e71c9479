using Microsoft.Extensions.Options;

namespace CsmsCluster.Gateway;

/// <summary>
/// Node-wide admission control for reconnect storms (performance scenario S3): a cap on concurrent charger
/// connections and one shared token bucket for WebSocket upgrades, both checked before the grain is called or the
/// socket accepted. Also tracks the charger CALLs waiting for grains, which with the two limits defines when the node
/// is saturated. The bucket refills from <see cref="TimeProvider"/> timestamps on use; no timer runs.
/// </summary>
internal sealed class ConnectionAdmission
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly TokenRate _upgradeRate;
    private readonly int _maxConnections;
    private readonly int _saturatedInFlightCalls;
    private TokenBucket _upgrades;
    private readonly TimeSpan _maxRetryAfter;
    private int _connections;
    private int _inFlightCalls;
    private long _bookedUntil;

    public ConnectionAdmission(IOptions<OcppGatewayOptions> options, TimeProvider time)
    {
        var o = options.Value;
        _time = time;
        _maxConnections = o.MaxConnections;
        _saturatedInFlightCalls = o.SaturatedInFlightCalls;
        _upgradeRate = new TokenRate(o.MaxUpgradesPerSecond, o.UpgradeBurst, time.TimestampFrequency);
        _upgrades = TokenBucket.Full(o.UpgradeBurst, time.GetTimestamp());
        _maxRetryAfter = o.MaxRetryAfter;
        _bookedUntil = time.GetTimestamp();
    }

    /// <summary>Connections held now (open sockets and upgrades in progress).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Charger CALLs waiting for grains now.</summary>
    public int InFlightCalls => Volatile.Read(ref _inFlightCalls);

    /// <summary>
    /// True while the node is at its connection cap, its upgrade bucket is empty, or at least
    /// <see cref="OcppGatewayOptions.SaturatedInFlightCalls"/> charger CALLs wait for grains.
    /// </summary>
    public bool IsSaturated
    {
        get
        {
            if (Connections >= _maxConnections || InFlightCalls >= _saturatedInFlightCalls)
            {
                return true;
            }

            lock (_lock)
            {
                return _upgrades.Available(_time.GetTimestamp(), _upgradeRate) < 1;
            }
        }
    }

    /// <summary>Takes a connection slot and an upgrade token, or neither.</summary>
    public AdmissionResult TryAdmit()
    {
        if (Interlocked.Increment(ref _connections) > _maxConnections)
        {
            Interlocked.Decrement(ref _connections);
            return AdmissionResult.AtCapacity;
        }

        bool admitted;
        lock (_lock)
        {
            admitted = _upgrades.TryTake(_time.GetTimestamp(), _upgradeRate);
        }

        if (!admitted)
        {
            Interlocked.Decrement(ref _connections);
            return AdmissionResult.UpgradeRateExceeded;
        }

        return AdmissionResult.Admitted;
    }

    /// <summary>
    /// The <c>Retry-After</c> (whole seconds, at least 1) for an upgrade just refused by the upgrade rate: the time until
    /// the rate has room for it, counting the upgrades already promised to chargers refused before it. Each refusal
    /// books the next free upgrade slot, so a refused herd is told to come back spread over exactly the time the node
    /// needs to admit it, rather than all after one fixed delay (and then mostly refused again). Capped at
    /// <see cref="OcppGatewayOptions.MaxRetryAfter"/>.
    /// </summary>
    public int BookRetryAfterSeconds()
    {
        var now = _time.GetTimestamp();
        var slot = (long)(_time.TimestampFrequency / _upgradeRate.PerSecond);
        long booked;
        lock (_lock)
        {
            booked = Math.Max(_bookedUntil, now) + slot;
            _bookedUntil = booked;
        }

        var wait = TimeSpan.FromSeconds((booked - now) / (double)_time.TimestampFrequency);
        return (int)Math.Clamp(Math.Ceiling(wait.TotalSeconds), 1, Math.Max(1, Math.Ceiling(_maxRetryAfter.TotalSeconds)));
    }

    /// <summary>Gives back the slot of an admitted connection once it ended (or was refused later).</summary>
    public void Release() => Interlocked.Decrement(ref _connections);

    /// <summary>A charger CALL starts waiting for its grain.</summary>
    public void CallStarted() => Interlocked.Increment(ref _inFlightCalls);

    /// <summary>A charger CALL got its grain's answer (or failed).</summary>
    public void CallEnded() => Interlocked.Decrement(ref _inFlightCalls);
}
