namespace CsmsCluster.Bench.SmartCharging;

/// <summary>
/// When the Site grain runs its loop: every cycle, and on events debounced with a leading edge (the first event after a
/// quiet period runs at once; later ones within the debounce window share one run at its end).
/// </summary>
public sealed class LoopScheduler(TimeSpan cycle, TimeSpan debounce)
{
    private DateTimeOffset? _lastRun;

    /// <summary>The first event since the last run, if any.</summary>
    public DateTimeOffset? TriggeredAt { get; private set; }

    public void Trigger(DateTimeOffset now) => TriggeredAt ??= now;

    public bool Due(DateTimeOffset now) =>
        _lastRun is not { } last || now - last >= cycle || (TriggeredAt is not null && now - last >= debounce);

    public void Ran(DateTimeOffset now)
    {
        _lastRun = now;
        TriggeredAt = null;
    }
}
