namespace CsmsCluster.SmartCharging;

/// <summary>
/// A weekly window in site local (wall-clock) time: it opens on <paramref name="Day"/> at <paramref name="Start"/>
/// and lasts <paramref name="Duration"/>, possibly past midnight ("Mon 22:00-06:00" ends Tuesday 06:00).
/// </summary>
/// <param name="Day">The day the window opens.</param>
/// <param name="Start">Local time of day it opens.</param>
/// <param name="Duration">How long it stays open, up to 7 days of wall-clock time.</param>
public sealed record WeeklyWindow(DayOfWeek Day, TimeSpan Start, TimeSpan Duration)
{
    /// <summary>Whether the window holds the local wall-clock time <paramref name="local"/>.</summary>
    /// <param name="local">Local date and time.</param>
    /// <returns>True when open.</returns>
    public bool Contains(DateTime local)
    {
        for (var back = 0; back <= 7; back++)
        {
            var date = local.Date.AddDays(-back);
            if (date.DayOfWeek == Day && local >= date + Start && local < date + Start + Duration)
            {
                return true;
            }
        }
        return false;
    }
}
