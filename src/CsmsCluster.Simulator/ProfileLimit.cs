namespace CsmsCluster.Simulator;

/// <summary>An accepted charging profile reduced to what the EV model needs: schedule start and limits in A per phase.</summary>
public sealed record ProfileLimit(DateTimeOffset Start, IReadOnlyList<(int StartPeriod, double LimitA)> Periods)
{
    /// <summary>The limit in force at <paramref name="now"/>, or null before the first period.</summary>
    public double? At(DateTimeOffset now)
    {
        var elapsed = (now - Start).TotalSeconds;
        double? limit = null;
        foreach (var (startPeriod, limitA) in Periods)
        {
            if (startPeriod <= elapsed)
            {
                limit = limitA;
            }
        }

        return limit;
    }
}
