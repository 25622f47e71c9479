namespace CsmsCluster.Bench.SmartCharging;

/// <summary>The decreases one loop run sent, timed from the event that triggered the run.</summary>
public sealed class DecreaseGroup(DateTimeOffset triggerAt, int count, bool gridStep)
{
    public DateTimeOffset TriggerAt { get; } = triggerAt;

    public int Remaining { get; set; } = count;

    /// <summary>True for the run at a grid-limit step.</summary>
    public bool GridStep { get; } = gridStep;
}
