using System.Globalization;
using CsmsCluster.SmartCharging;
using CsmsCluster.SmartCharging.Loop;

namespace CsmsCluster.Api.Sites;

/// <summary>Validates site API bodies and turns them into loop settings; every error names the field.</summary>
internal static class SiteRules
{
    public const int MaxActivationGroups = 10;
    public const int MaxPreArmedConnectors = 1000;
    private const int MaxIdLength = 64;

    public static string? TryMerge(SiteSettings current, SiteBody body, out SiteSettings settings)
    {
        settings = current;
        if (body.Limit is not { } limit || !double.IsFinite(limit) || limit <= 0)
        {
            return "limit is required and must be a positive number (A per phase, or W).";
        }
        SiteUnit unit;
        switch (body.Unit ?? "A")
        {
            case "A": unit = SiteUnit.AmperesPerPhase; break;
            case "W": unit = SiteUnit.Watts; break;
            default: return "unit must be \"A\" or \"W\".";
        }
        if (body.Voltage is { } v && (!double.IsFinite(v) || v <= 0 || v > 1000))
        {
            return "voltage must be in (0, 1000] V.";
        }
        if (body.Margin is { } m && (!double.IsFinite(m) || m < 0 || m >= 0.5))
        {
            return "margin must be in [0, 0.5).";
        }
        if (body.BaseLoad is { } b && (!double.IsFinite(b) || b < 0))
        {
            return "baseLoad must be a non-negative number.";
        }
        if (body.TimeZone is { } tz && !TimeZones.IsKnown(tz))
        {
            return $"timeZone '{tz}' is not a known time zone id.";
        }
        if (body.PreArmedConnectors is < 0 or > MaxPreArmedConnectors)
        {
            return $"preArmedConnectors must be an integer from 0 to {MaxPreArmedConnectors}.";
        }
        if (body.Name is { Length: > 200 })
        {
            return "name must be at most 200 characters.";
        }
        var feeders = current.Feeders;
        if (body.Feeders is { } fs && TryFeeders(fs, out feeders) is { } feederError)
        {
            return feederError;
        }
        var chargerFeeders = body.ChargerFeeders ?? current.ChargerFeeders;
        if (chargerFeeders.FirstOrDefault(p => !feeders.Any(f => f.Id == p.Value)) is { Key: { } badCharger } bad)
        {
            return $"chargerFeeders: charger '{badCharger}' names unknown feeder '{bad.Value}'.";
        }
        var groups = current.ActivationGroups;
        if (body.ActivationGroups is { } gs && TryGroups(gs, out groups) is { } groupError)
        {
            return groupError;
        }
        var grid = current.GridLimits;
        if (body.GridLimits is { } steps && TryGrid(steps, out grid) is { } gridError)
        {
            return gridError;
        }
        settings = current with
        {
            Name = body.Name ?? current.Name,
            Limit = limit,
            Unit = unit,
            Voltage = body.Voltage ?? current.Voltage,
            Margin = body.Margin ?? current.Margin,
            BaseLoad = body.BaseLoad ?? current.BaseLoad,
            TimeZone = body.TimeZone ?? current.TimeZone,
            Feeders = feeders,
            ChargerFeeders = chargerFeeders,
            ActivationGroups = groups,
            GridLimits = grid,
            PreArmedConnectors = body.PreArmedConnectors ?? current.PreArmedConnectors,
        };
        return null;
    }

    public static string? TryGrid(IReadOnlyList<GridLimitStepBody> steps, out IReadOnlyList<GridLimitStep> grid)
    {
        grid = [];
        var result = new List<GridLimitStep>();
        foreach (var (step, i) in steps.Select((s, i) => (s, i)))
        {
            if (step?.From is not { } from || step.Limit is not { } limit || !double.IsFinite(limit) || limit < 0)
            {
                return $"gridLimits[{i}] needs 'from' (date-time) and a non-negative 'limit'.";
            }
            result.Add(new GridLimitStep(from.ToUniversalTime(), limit));
        }
        if (result.Select(s => s.From).Distinct().Count() != result.Count)
        {
            return "gridLimits: two steps start at the same time.";
        }
        grid = [.. result.OrderBy(s => s.From)];
        return null;
    }

    public static string? TryGroups(IReadOnlyList<ActivationGroupBody> bodies, out IReadOnlyList<ActivationGroup> groups)
    {
        groups = [];
        if (bodies.Count > MaxActivationGroups)
        {
            return $"at most {MaxActivationGroups} activation groups per site.";
        }
        var result = new List<ActivationGroup>();
        foreach (var (group, i) in bodies.Select((g, i) => (g, i)))
        {
            if (group?.Id is not { Length: > 0 and <= MaxIdLength } id || group.Windows is not { } windows)
            {
                return $"activationGroups[{i}] needs an 'id' (1-{MaxIdLength} characters) and 'windows'.";
            }
            var parsed = new List<WeeklyWindow>();
            foreach (var (w, j) in windows.Select((w, j) => (w, j)))
            {
                if (w is null || !Enum.TryParse<DayOfWeek>(w.Day, ignoreCase: false, out var day) || !Enum.IsDefined(day) || int.TryParse(w.Day, out _)
                    || !TryTime(w.Start, out var start) || !TryTime(w.End, out var end))
                {
                    return $"activationGroups[{i}].windows[{j}] needs 'day' (Monday..Sunday), 'start' and 'end' as HH:mm.";
                }
                var duration = end > start ? end - start : end - start + TimeSpan.FromDays(1);
                parsed.Add(new WeeklyWindow(day, start, duration));
            }
            result.Add(new ActivationGroup(id, parsed));
        }
        if (result.Select(g => g.Id).Distinct(StringComparer.Ordinal).Count() != result.Count)
        {
            return "activationGroups: ids must be unique.";
        }
        groups = result;
        return null;
    }

    public static string? TryConnector(SiteConnectorBody body, SiteSettings site, out ConnectorSettings settings)
    {
        settings = new ConnectorSettings();
        if (!NonNegative(body.MaxCurrent) || !NonNegative(body.MinCurrent) || !NonNegative(body.LaunchCurrent))
        {
            return "maxCurrent, minCurrent and launchCurrent must be non-negative numbers (A per phase).";
        }
        if (body.Weight is { } w && (!double.IsFinite(w) || w <= 0))
        {
            return "weight must be a positive number.";
        }
        if (body.Phases is not (null or 1 or 3))
        {
            return "phases must be 1 or 3.";
        }
        SitePhase? phase = null;
        if (body.Phase is { } p)
        {
            if (p is not ("L1" or "L2" or "L3"))
            {
                return "phase must be L1, L2 or L3.";
            }
            phase = Enum.Parse<SitePhase>(p);
        }
        var groups = body.Groups ?? [];
        if (groups.FirstOrDefault(g => !site.ActivationGroups.Any(a => a.Id == g)) is { } unknown)
        {
            return $"groups: activation group '{unknown}' is not defined on the site.";
        }
        settings = new ConnectorSettings
        {
            MaxCurrent = body.MaxCurrent,
            MinCurrent = body.MinCurrent,
            Priority = body.Priority ?? 0,
            Weight = body.Weight ?? 1,
            Phases = body.Phases,
            Phase = phase,
            LaunchCurrent = body.LaunchCurrent,
            Groups = [.. groups.Distinct(StringComparer.Ordinal)],
        };
        return null;
    }

    private static string? TryFeeders(IReadOnlyList<FeederBody> bodies, out IReadOnlyList<FeederInput> feeders)
    {
        feeders = [];
        var result = new List<FeederInput>();
        foreach (var (f, i) in bodies.Select((f, i) => (f, i)))
        {
            if (f?.Id is not { Length: > 0 and <= MaxIdLength } id || f.Limit is not { } limit || !double.IsFinite(limit) || limit <= 0)
            {
                return $"feeders[{i}] needs an 'id' (1-{MaxIdLength} characters) and a positive 'limit'.";
            }
            result.Add(new FeederInput(id, limit, f.ParentId));
        }
        var ids = result.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        if (ids.Count != result.Count)
        {
            return "feeders: ids must be unique.";
        }
        foreach (var feeder in result)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var at = feeder; at.ParentId is { } parent; at = result.First(f => f.Id == parent))
            {
                if (!ids.Contains(parent) || !seen.Add(parent))
                {
                    return $"feeders: '{feeder.Id}' has an unknown or cyclic parent '{parent}'.";
                }
            }
        }
        feeders = result;
        return null;
    }

    private static bool TryTime(string? text, out TimeSpan time)
    {
        time = default;
        if (text == "24:00")
        {
            time = TimeSpan.FromDays(1);
            return true;
        }
        if (text is null || !TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return false;
        }
        time = t.ToTimeSpan();
        return true;
    }

    private static bool NonNegative(double? value) => value is null || (double.IsFinite(value.Value) && value.Value >= 0);
}
