namespace CsmsCluster.SmartCharging;

/// <summary>
/// Spec "Activation schedules": weekly windows in site local time, DST-aware because they are evaluated on the local
/// wall clock; a connector is allowed when any of its groups is active, and a connector with no group always is.
/// </summary>
public static class ActivationSchedule
{
    /// <summary>Whether a connector belonging to <paramref name="groups"/> may charge at <paramref name="now"/>.</summary>
    /// <param name="now">The instant.</param>
    /// <param name="groups">The connector's groups; empty means unrestricted.</param>
    /// <param name="timeZone">The site's time zone.</param>
    /// <returns>True when allowed.</returns>
    public static bool IsActive(DateTimeOffset now, IReadOnlyCollection<ActivationGroup> groups, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(timeZone);
        if (groups.Count == 0)
        {
            return true;
        }
        var local = TimeZoneInfo.ConvertTime(now, timeZone).DateTime;
        return groups.Any(g => g.Windows.Any(w => w.Contains(local)));
    }
}
