namespace CsmsCluster.Simulator;

/// <summary>Something the <see cref="TimerWheel"/> calls back; the callback must return quickly.</summary>
public interface ITimerTarget
{
    /// <summary>The timer <paramref name="kind"/> with its argument and the epoch it was scheduled in fired.</summary>
    void OnTimer(TimerKind kind, int argument, int epoch);
}
