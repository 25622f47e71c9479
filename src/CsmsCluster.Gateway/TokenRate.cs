namespace CsmsCluster.Gateway;

/// <summary>The refill rate and size of a <see cref="TokenBucket"/>, in the units of a <see cref="TimeProvider"/>'s timestamps.</summary>
internal readonly struct TokenRate
{
    /// <summary>Creates a rate of <paramref name="perSecond"/> tokens per second with room for <paramref name="burst"/>.</summary>
    public TokenRate(double perSecond, double burst, long timestampFrequency)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        PerSecond = perSecond;
        Burst = burst;
        PerTimestampTick = perSecond / timestampFrequency;
    }

    /// <summary>Tokens added per second.</summary>
    public double PerSecond { get; }

    /// <summary>Most tokens the bucket holds.</summary>
    public double Burst { get; }

    /// <summary>Tokens added per timestamp tick.</summary>
    public double PerTimestampTick { get; }
}
