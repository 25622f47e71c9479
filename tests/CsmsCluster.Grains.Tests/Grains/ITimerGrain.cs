namespace CsmsCluster.Grains.Tests.Grains;

/// <summary>Timers as turns.</summary>
[Alias("test-timer")]
public interface ITimerGrain : IGrainWithStringKey
{
    /// <summary>Registers a timer; each tick counts itself and, when <paramref name="tickGate"/> is not empty, waits for it.</summary>
    [Alias("start")]
    Task StartTimerAsync(TimeSpan dueTime, TimeSpan period, string tickGate);

    /// <summary>A call that counts its start and waits for the gate.</summary>
    [Alias("block")]
    Task BlockAsync(string gate);

    [Alias("ticks")]
    Task<int> GetTicksAsync();
}
