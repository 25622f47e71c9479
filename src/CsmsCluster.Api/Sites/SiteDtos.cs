using System.Globalization;
using CsmsCluster.Contracts;
using CsmsCluster.SmartCharging;

namespace CsmsCluster.Api.Sites;

/// <summary>Maps the Site grain's view to the API's JSON shape.</summary>
internal static class SiteDtos
{
    public static SiteDto From(SiteView view)
    {
        var s = view.Settings;
        return new SiteDto(
            view.Id,
            s.Name,
            s.Limit,
            s.Unit == SiteUnit.Watts ? "W" : "A",
            s.Voltage,
            s.Margin,
            s.BaseLoad,
            s.TimeZone,
            view.EffectiveLimit,
            view.GridLimit,
            view.LastRunAt,
            [.. s.Feeders.Select(f => new FeederBody(f.Id, f.Limit, f.ParentId))],
            s.ChargerFeeders,
            [.. s.ActivationGroups.Select(g => new ActivationGroupBody(g.Id, [.. g.Windows.Select(Window)]))],
            [.. s.GridLimits.Select(g => new GridLimitStepBody(g.From, g.Limit))],
            s.Connectors.ToDictionary(c => c.Key, c => new SiteConnectorBody(
                c.Value.MaxCurrent, c.Value.MinCurrent, c.Value.Priority, c.Value.Weight, c.Value.Phases,
                c.Value.Phase?.ToString(), c.Value.LaunchCurrent, c.Value.Groups), StringComparer.Ordinal),
            view.Connectors,
            [.. view.Alarms.Select(a => new SiteAlarmDto(a.At, a.ConnectorId, a.Kind, a.Message))])
        {
            PreArmedConnectors = s.PreArmedConnectors,
        };
    }

    private static ActivationWindowBody Window(WeeklyWindow w)
    {
        var end = w.Start + w.Duration;
        var endText = end == TimeSpan.FromDays(1) ? "24:00" : TimeOnly.FromTimeSpan(TimeSpan.FromTicks(end.Ticks % TimeSpan.TicksPerDay)).ToString("HH:mm", CultureInfo.InvariantCulture);
        return new ActivationWindowBody(w.Day.ToString(), TimeOnly.FromTimeSpan(w.Start).ToString("HH:mm", CultureInfo.InvariantCulture), endText);
    }
}
