namespace CsmsCluster.Simulator;

/// <summary>Jittered exponential back-off for reconnects ("equal jitter": half fixed, half random).</summary>
public static class ReconnectBackoff
{
    /// <summary>
    /// The wait before attempt <paramref name="attempt"/> (0 = first retry): a random value in [d/2, d] where
    /// d = min(cap, base * 2^attempt). A server's Retry-After, when longer, wins, plus up to 50 % jitter so a refused
    /// herd does not come back in step.
    /// </summary>
    public static TimeSpan Delay(int attempt, TimeSpan @base, TimeSpan cap, TimeSpan? retryAfter, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var ceiling = Math.Min(cap.TotalSeconds, @base.TotalSeconds * Math.Pow(2, Math.Min(attempt, 30)));
        var seconds = (ceiling / 2) + (random.NextDouble() * ceiling / 2);
        if (retryAfter is { } server && server.TotalSeconds > seconds)
        {
            seconds = server.TotalSeconds * (1 + (random.NextDouble() * 0.5));
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
