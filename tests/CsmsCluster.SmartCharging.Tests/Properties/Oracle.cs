namespace CsmsCluster.SmartCharging.Tests.Properties;

/// <summary>
/// An independent reading of the spec ("Model", "Allocation" 1-4) used to check the allocator's output: constraint
/// rows with their effective limits, eligibility, min/cap per connector, rotation order and first-fit admission.
/// </summary>
internal sealed class Oracle
{
    private const double Quantum = 0.1;

    private readonly Dictionary<string, ChargerInput> _chargers;

    public Oracle(SiteInputs site, DateTimeOffset now)
    {
        Site = site;
        var chargers = _chargers = site.Chargers.ToDictionary(c => c.Id);
        Connectors = site.Connectors.ToDictionary(c => c.Id, c => Describe(site, c, chargers[c.ChargerId]));
        var grid = site.GridLimits.Where(g => g.From <= now).OrderBy(g => g.From).Select(g => g.Limit).LastOrDefault(double.PositiveInfinity);
        var siteLimit = ((1 - site.Margin) * Math.Min(site.StaticLimit, grid)) - site.BaseLoad;
        var rows = new List<OracleRow>();
        foreach (var phase in Phases(site))
        {
            rows.Add(Row($"site{phase}", siteLimit, c => Loads(c, phase) ? 1 : 0));
            rows.AddRange(site.Feeders.Select(f => Row($"{f.Id}{phase}", f.Limit, c => Loads(c, phase) && Under(site, chargers[c.ChargerId].FeederId, f.Id) ? 1 : 0)));
        }
        foreach (var phase in new[] { "/L1", "/L2", "/L3" })
        {
            rows.AddRange(site.Chargers.Select(ch => Row($"{ch.Id}{phase}", ch.Cap, c => c.ChargerId == ch.Id && Loads(c, phase) ? 1 / Connectors[c.Id].Factor : 0)));
        }
        Rows = rows;
        Order = [.. Connectors.Values.Where(c => c.Eligible).Select(c => c.Input).Order(new OracleOrder(now, site.Options.RotationPeriod))];
    }

    public SiteInputs Site { get; }

    public Dictionary<string, OracleConnector> Connectors { get; }

    public IReadOnlyList<OracleRow> Rows { get; }

    public IReadOnlyList<ConnectorInput> Order { get; }

    /// <summary>Spec step 4: first-fit of the minimums in <see cref="Order"/>.</summary>
    public HashSet<string> FirstFit()
    {
        var admitted = new HashSet<string>();
        var load = Rows.ToDictionary(r => r.Key, _ => 0.0);
        foreach (var connector in Order.Select(c => Connectors[c.Id]))
        {
            var path = Rows.Where(r => r.Coefficients.ContainsKey(connector.Input.Id)).ToList();
            if (path.All(r => load[r.Key] + (r.Coefficients[connector.Input.Id] * connector.Min) <= r.EffectiveLimit + 1e-9))
            {
                admitted.Add(connector.Input.Id);
                path.ForEach(r => load[r.Key] += r.Coefficients[connector.Input.Id] * connector.Min);
            }
        }
        return admitted;
    }

    private static OracleConnector Describe(SiteInputs site, ConnectorInput c, ChargerInput charger)
    {
        var eligible = c.Session is not null && charger.Online && c.Controllable && !c.Faulted && c.AllowedByActivation && c.MaxCurrent >= c.MinCurrent;
        var factor = site.Unit == SiteUnit.Watts ? site.NominalVoltage * c.Phases : 1;
        var min = Math.Ceiling(Math.Round(c.MinCurrent / Quantum, 6)) * Quantum;
        var launch = c.Session?.InLaunch == true ? c.LaunchCurrent ?? c.MinCurrent : double.PositiveInfinity;
        var cap = Math.Max(min, Math.Min(c.MaxCurrent, Math.Min(c.Demand ?? c.MaxCurrent, launch)));
        return new OracleConnector(c, eligible, min, cap, factor, min * factor, cap * factor, Quantum * factor);
    }

    private static string[] Phases(SiteInputs site) => site.Unit == SiteUnit.Watts ? [""] : ["/L1", "/L2", "/L3"];

    private static bool Loads(ConnectorInput c, string phase) =>
        phase == "" || c.Phases == 3 || c.Phase is null || phase == $"/{c.Phase}";

    private static bool Under(SiteInputs site, string? feederId, string ancestor)
    {
        for (var id = feederId; id is not null; id = site.Feeders.Single(f => f.Id == id).ParentId)
        {
            if (id == ancestor)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A row whose limit has fixed load (uncontrollable/offline) and launch reserve already taken off.</summary>
    private OracleRow Row(string key, double limit, Func<ConnectorInput, double> coefficient)
    {
        var coefficients = new Dictionary<string, double>();
        var taken = 0.0;
        foreach (var c in Site.Connectors.Where(c => coefficient(c) > 0))
        {
            var factor = Connectors[c.Id].Factor;
            if (!c.Controllable || !_chargers[c.ChargerId].Online)
            {
                taken += coefficient(c) * c.InstalledLimit * factor;
            }
            else if (c.PreArmed && c.Session is null)
            {
                taken += coefficient(c) * (c.LaunchCurrent ?? c.MinCurrent) * factor;
            }
            coefficients[c.Id] = coefficient(c);
        }
        return new OracleRow(key, limit - taken, coefficients);
    }
}
