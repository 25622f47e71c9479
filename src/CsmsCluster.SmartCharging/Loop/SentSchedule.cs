namespace CsmsCluster.SmartCharging.Loop;

/// <summary>The limits of a profile the loop sent, in A per phase: what the connector runs at each instant once applied.</summary>
/// <param name="Start">The profile's startSchedule.</param>
/// <param name="Periods">Limits in A per phase from their offsets (s) after <paramref name="Start"/>, ascending.</param>
public sealed record SentSchedule(DateTimeOffset Start, IReadOnlyList<SchedulePeriod> Periods)
{
    /// <summary>The limit at <paramref name="at"/>: that of the last period started (the first one before the start).</summary>
    /// <param name="at">The instant.</param>
    /// <returns>A per phase.</returns>
    public double LimitAt(DateTimeOffset at)
    {
        var elapsed = (at - Start).TotalSeconds;
        var limit = Periods.Count > 0 ? Periods[0].Limit : 0;
        foreach (var period in Periods.Where(p => p.StartPeriod <= elapsed))
        {
            limit = period.Limit;
        }
        return limit;
    }
}
