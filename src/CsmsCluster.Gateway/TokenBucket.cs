namespace CsmsCluster.Gateway;

/// <summary>
/// A token bucket as a plain value (two fields): it refills at <c>rate</c> tokens per second up to <c>burst</c> and
/// each admitted event takes one token. Pure logic over timestamps (<see cref="TimeProvider.GetTimestamp"/>), so no
/// timer runs per bucket; not thread-safe (the owner serialises access).
/// </summary>
internal struct TokenBucket
{
    private double _tokens;
    private long _last;

    /// <summary>A full bucket as of <paramref name="timestamp"/>.</summary>
    public static TokenBucket Full(double burst, long timestamp) => new() { _tokens = burst, _last = timestamp };

    /// <summary>Takes one token if there is one at <paramref name="timestamp"/>.</summary>
    public bool TryTake(long timestamp, in TokenRate rate)
    {
        Refill(timestamp, rate);
        if (_tokens < 1)
        {
            return false;
        }

        _tokens -= 1;
        return true;
    }

    /// <summary>The tokens available at <paramref name="timestamp"/> (refills, takes nothing).</summary>
    public double Available(long timestamp, in TokenRate rate)
    {
        Refill(timestamp, rate);
        return _tokens;
    }

    private void Refill(long timestamp, in TokenRate rate)
    {
        var elapsed = timestamp - _last;
        if (elapsed <= 0)
        {
            return;
        }

        _last = timestamp;
        _tokens = Math.Min(rate.Burst, _tokens + (elapsed * rate.PerTimestampTick));
    }
}
