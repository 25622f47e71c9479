namespace CsmsCluster.Gateway;

/// <summary>Retry delays with jitter, so a refused herd of chargers comes back spread out instead of all at once.</summary>
internal static class RetryDelays
{
    /// <summary>A random whole number of seconds between <paramref name="baseDelay"/> and twice it (at least 1).</summary>
    public static int SpreadSeconds(TimeSpan baseDelay)
    {
        var seconds = (int)Math.Clamp(Math.Ceiling(baseDelay.TotalSeconds), 1, int.MaxValue / 2);
        // Not security relevant: the spread only has to differ between chargers.
#pragma warning disable CA5394
        return seconds + Random.Shared.Next(seconds + 1);
#pragma warning restore CA5394
    }
}
