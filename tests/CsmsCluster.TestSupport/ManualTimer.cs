namespace CsmsCluster.TestSupport;

/// <summary>A timer of a <see cref="ManualTimeProvider"/>; it fires only when that provider's clock is moved.</summary>
internal sealed class ManualTimer(ManualTimeProvider provider, TimerCallback callback, object? state) : ITimer
{
    public DateTimeOffset DueAt { get; set; }

    public TimeSpan Period { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        provider.Change(this, dueTime, period);
        return true;
    }

    public void Fire() => callback(state);

    public void Dispose() => provider.Remove(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
