namespace CsmsCluster.Server.Tests.Sites;

/// <summary>
/// The limits the site's chargers run, updated the instant each TxProfile or TxDefaultProfile arrives. A charger runs its
/// TxDefault until a TxProfile of its transaction arrives (TxProfile overrides TxDefault), so an idle charger counts
/// its TxDefault: what a plug-in would start at. Every increase is checked against the site limit at that instant (a
/// decrease can only help, including while a grid-limit drop is being applied).
/// </summary>
internal sealed class SiteLedger(double siteLimit)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, double> _commanded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _defaults = new(StringComparer.Ordinal);
    private readonly List<string> _violations = [];
    private readonly List<(string Charger, double Limit)> _txProfiles = [];
    private double _limit = siteLimit;

    public IReadOnlyList<string> Violations
    {
        get { lock (_lock) { return [.. _violations]; } }
    }

    public IReadOnlyList<(string Charger, double Limit)> TxProfiles
    {
        get { lock (_lock) { return [.. _txProfiles]; } }
    }

    public void SetLimit(double limit)
    {
        lock (_lock)
        {
            _limit = limit;
        }
    }

    /// <summary>What the charger runs (or a plug-in would start at): its TxProfile, else its TxDefault, else 0.</summary>
    public double Commanded(string charger)
    {
        lock (_lock)
        {
            return Running(charger);
        }
    }

    /// <summary>The charger's TxDefaultProfile limit, 0 when none or cleared.</summary>
    public double Default(string charger)
    {
        lock (_lock)
        {
            return _defaults.GetValueOrDefault(charger);
        }
    }

    public void Applied(string charger, string purpose, double limit)
    {
        if (purpose is not ("TxProfile" or "TxDefaultProfile"))
        {
            return;
        }
        lock (_lock)
        {
            var before = Running(charger);
            if (purpose == "TxProfile")
            {
                _txProfiles.Add((charger, limit));
                _commanded[charger] = limit;
            }
            else
            {
                _defaults[charger] = limit;
            }
            var after = Running(charger);
            var sum = _defaults.Keys.Union(_commanded.Keys).Sum(Running);
            if (after > before && sum > _limit + 1e-9)
            {
                _violations.Add($"{charger} {purpose} -> {limit} A made the sum {sum} A above {_limit} A");
            }
        }
    }

    public void Ended(string charger)
    {
        lock (_lock)
        {
            _commanded.Remove(charger);
        }
    }

    public bool AllAt(IEnumerable<string> chargers, double limit)
    {
        lock (_lock)
        {
            return chargers.All(c => Math.Abs(Running(c) - limit) < 1e-9);
        }
    }

    private double Running(string charger) =>
        _commanded.TryGetValue(charger, out var tx) ? tx : _defaults.GetValueOrDefault(charger);
}
