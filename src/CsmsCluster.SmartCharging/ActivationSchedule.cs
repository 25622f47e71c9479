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

    /// <summary>
    /// The first instant after <paramref name="now"/> (within <paramref name="horizon"/>) at which none of
    /// <paramref name="groups"/> is active any more, so a profile can encode the reduction to 0 from that boundary (I8).
    /// Null when the connector is unrestricted, not active now, or stays active throughout the horizon.
    /// </summary>
    /// <param name="now">The instant.</param>
    /// <param name="groups">The connector's groups.</param>
    /// <param name="timeZone">The site's time zone.</param>
    /// <param name="horizon">How far ahead to look.</param>
    /// <returns>The end of the current activation, if within the horizon.</returns>
    public static DateTimeOffset? CurrentEnd(DateTimeOffset now, IReadOnlyCollection<ActivationGroup> groups, TimeZoneInfo timeZone, TimeSpan horizon)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(timeZone);
        if (groups.Count == 0 || !IsActive(now, groups, timeZone))
        {
            return null;
        }
        // Activity can only stop at the end of some window: try every window end in the horizon, earliest first.
        var localNow = TimeZoneInfo.ConvertTime(now, timeZone).DateTime;
        var ends = new List<DateTimeOffset>();
        for (var day = -7; day <= horizon.TotalDays + 1; day++)
        {
            var date = localNow.Date.AddDays(day);
            foreach (var window in groups.SelectMany(g => g.Windows).Where(w => w.Day == date.DayOfWeek))
            {
                var end = ToUtc(date + window.Start + window.Duration, timeZone);
                if (end > now && end <= now + horizon)
                {
                    ends.Add(end);
                }
            }
        }
        return ends.Order().Cast<DateTimeOffset?>().FirstOrDefault(end => !IsActive(end!.Value, groups, timeZone));
    }

    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo timeZone)
    {
        // A wall-clock time skipped by a DST change happens at the first valid minute after the gap.
        while (timeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), timeZone), TimeSpan.Zero);
    }
}
