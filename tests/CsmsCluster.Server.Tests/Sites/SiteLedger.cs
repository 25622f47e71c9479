namespace CsmsCluster.Server.Tests.Sites;

/// <summary>
/// The limits the site's chargers run, updated the instant each TxProfile arrives. Every increase is checked against the
/// site limit at that instant (a decrease can only help, including while a grid-limit drop is being applied).
/// </summary>
internal sealed class SiteLedger(double siteLimit)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, double> _commanded = new(StringComparer.Ordinal);
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

    public double Commanded(string charger)
    {
        lock (_lock)
        {
            return _commanded.GetValueOrDefault(charger);
        }
    }

    public void Applied(string charger, string purpose, double limit)
    {
        if (purpose != "TxProfile")
        {
            return;
        }
        lock (_lock)
        {
            _txProfiles.Add((charger, limit));
            var increase = limit > _commanded.GetValueOrDefault(charger);
            _commanded[charger] = limit;
            var sum = _commanded.Values.Sum();
            if (increase && sum > _limit + 1e-9)
            {
                _violations.Add($"{charger} -> {limit} A made the sum {sum} A above {_limit} A");
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
            return chargers.All(c => Math.Abs(_commanded.GetValueOrDefault(c) - limit) < 1e-9);
        }
    }
}
