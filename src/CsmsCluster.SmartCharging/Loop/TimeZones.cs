namespace CsmsCluster.SmartCharging.Loop;

/// <summary>Resolves site time-zone ids (IANA or Windows), caching the result.</summary>
public static class TimeZones
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TimeZoneInfo> Cache = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="id"/> names a time zone this machine knows.</summary>
    /// <param name="id">The id.</param>
    /// <returns>Whether it resolves.</returns>
    public static bool IsKnown(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    /// <summary>The time zone <paramref name="id"/>; UTC when it is empty.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The time zone.</returns>
    /// <exception cref="TimeZoneNotFoundException">The id is unknown.</exception>
    public static TimeZoneInfo Find(string? id) =>
        string.IsNullOrWhiteSpace(id) ? TimeZoneInfo.Utc : Cache.GetOrAdd(id, TimeZoneInfo.FindSystemTimeZoneById);
}
